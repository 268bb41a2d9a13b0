/// What one event of the Loopix simulator does; `EventQueue` orders them by virtual time,
/// then by scheduling order.
enum LoopixEvent {
    /// A client's payload-stream slot (λ_P).
    case payloadSlot(client: Int)
    /// A client's loop cover slot (λ_L).
    case loopSlot(client: Int)
    /// A client's drop cover slot (λ_D).
    case dropSlot(client: Int)
    /// The client's user puts a real message into the buffer (rate r).
    case realMessage(client: Int)
    /// The client pulls its inbox from its provider.
    case pull(client: Int)
    /// A mix's loop cover slot (λ_M).
    case mixLoopSlot(mix: Int)
    /// A message's delay at a mix is over.
    case mixDeparture(message: MessageStore.Slot, mix: Int)
    /// Target message `index` enters its sender's buffer (LOOPIX-TARGETS).
    case targetMessage(index: Int)
}
