extension SphinxmixProfile {
    /// The sender's α_i, s_i and keys as sphinxmix computes them (`create_header` in
    /// SphinxClient.py: `alpha = group.expon_base(blind_factors)`): each α_i is the generator
    /// times the product of every factor so far, by the precomputed generator table, where the
    /// readable method blinds α_{i−1} once more with a variable-base multiplication.
    /// SPEC.md [SMX-SENDER-KEYS].
    /// ```text
    /// e_0 = x mod n ; e_0 = 0: smallOrderGroupElement
    /// for each hop i, public key y_i:
    ///   e_i = 0: smallOrderGroupElement                     (some b_j ≡ 0 mod n)
    ///   α_i = e_i·G                  (PRIM-P224-MUL-BASE)
    ///   s_i = e_i·y_i                (y_i must decode: invalidGroupElement)
    ///   keys_i = SMX-KEYS(s_i) ; e_{i+1} = e_i · b_i mod n
    /// ```
    /// α_{i+1} = b_i·α_i = (e_i·b_i)·G, so the bytes are SPHINX-CREATE-2's, and the errors come
    /// in its order: a zero factor before the key it would blind, a key that does not decode
    /// before its multiplication.
    public func senderHopMaterial(
        initialSecret x: Bytes, publicKeys: [Bytes]
    ) throws(SphinxError) -> [Sphinx.HopMaterial<SphinxmixProfile>] {
        // Step 1: e_0 = x mod n (the readable method's α_0 = x·G fails here for x ≡ 0).
        var e = P224.Scalar(reducing: x)
        guard !e.isZero else { throw .smallOrderGroupElement }
        var out: [Sphinx.HopMaterial<SphinxmixProfile>] = []
        out.reserveCapacity(publicKeys.count)
        for y in publicKeys {
            // Step 2: α_i from the generator table (e_i = 0 where b_{i−1} ≡ 0 mod n).
            guard !e.isZero else { throw .smallOrderGroupElement }
            var alpha: Bytes
            do { alpha = try e.timesGenerator().encoded } catch { throw .smallOrderGroupElement }
            // α_i is public: hop i receives it on the wire (SPEC.md see CT-DECLASSIFY-ALPHA-CREATE).
            Declassify.publish(&alpha)
            // Step 3: s_i = e_i·y_i, as SMX-GROUP's exponentiation by the list would.
            let point: P224.Point
            do { point = try P224.Point(encoded: y) } catch { throw .invalidGroupElement }
            var s: Bytes
            do { s = try point.multiplied(by: e).encoded } catch { throw .smallOrderGroupElement }
            // Step 4: the hop's keys, and the next product.
            let keys = try deriveHopKeys(alpha: alpha, sharedSecret: s)
            out.append(Sphinx.HopMaterial(alpha: alpha, sharedSecret: SecretBytes(wiping: &s), keys: keys))
            e = e.times(P224.Scalar(reducing: keys.blindingFactor))
        }
        return out
    }
}
