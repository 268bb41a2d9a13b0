import Testing
@testable import SphinxSpec

// Known answers computed by the real PyPI package sphinxmix 0.0.7 (petlib 0.0.45, OpenSSL),
// printed by Interop/sphinxmix/known_answers.py (which drives the package through peer.py's
// handlers). They let the profile be checked byte for byte without Python; the live tests in
// InteropTests.swift cover many more cases against the package itself.
//
// Fixed inputs (see known_answers.py): node i has private key 0x01 ‖ SHA-256("smx-kat node i")[0,27)
// and id [i]; x = 0x00 ‖ SHA-256("smx-kat x <case>")[0,27); the routing padding is 0x5a bytes;
// the SURB id and k̃ are SHA-256("smx-kat surb id <case>")[0,16) and SHA-256("smx-kat k tilde <case>")[0,16).

private func katPath(_ hops: Int) throws -> (path: [SphinxmixPathHop], keys: [SphinxmixNodeKey]) {
    var path: [SphinxmixPathHop] = []
    var keys: [SphinxmixNodeKey] = []
    for i in 0..<hops {
        let key = try SphinxmixNodeKey(privateKey: [0x01] + SHA256.hash(Bytes("smx-kat node \(i)".utf8)).prefix(27))
        keys.append(key)
        path.append(SphinxmixPathHop(nodeID: [UInt8(i)], publicKey: key.publicKey))
    }
    return (path, keys)
}

private func label(_ s: String, _ count: Int) -> Bytes { Bytes(SHA256.hash(Bytes(s.utf8)).prefix(count)) }

@Test func knownAnswerForward_default_3() throws {
    let params = try SphinxmixParameters(headerLength: 192, bodyLength: 1024, associatedLength: 0)
    let (path, keys) = try katPath(3)
    let ad: [Bytes]? = nil
    let padding = try Sphinxmix.finalPaddingLength(parameters: params, path: path, final: .destination)
    let message = Bytes("known answer default-3".utf8)
    let forward = try Sphinxmix.createForwardMessage(
        parameters: params, path: path, destination: Bytes("bob".utf8), message: message, associatedData: ad,
        randomness: SphinxmixPacketRandomness(
            initialSecret: [0x00] + label("smx-kat x default-3", 27),
            finalPadding: Bytes(repeating: 0x5a, count: padding)))
    #expect(forward.randomness.initialSecret.hex == "00eba01c4f4c7c5c025434bd0a8c2eb05b10b0151003dd7fa8b59892")
    #expect(
        forward.packet.header.alpha.hex
            == "047d657b72473c0461e1ec1496c6487dfa3e8192d200445bb4d42cd9541486ca0825315eea365bb50bf08c2aa36b69fe5c1fd99adb55d75432"
    )
    #expect(
        forward.packet.header.beta.hex
            == "2b2ae78c66a0a92a61f7a9610fd4eaf97590d4d7dec98458a9ed89ee57795cf47fe41e81050221677d1c5cc3d5d4a609bc701e0ffde6dc99a5cd9c6f346ac70ab890db434eed9173c77eb589d8ed02fa6ba86402e180761124e89f8c4a41dbef632fbc6ff3b11f2c2524629fc4a9160e0cf8f530e7180c074855c0de9416159e50cb5070da482a0be5fd45065586d5614f27141e98865252dd25bedbf7f5afa8"
    )
    #expect(forward.packet.header.gamma.hex == "30d8e7f50e952e8fb8b4181660a19eef")
    #expect(SHA256.hash(forward.packet.delta).hex == "3f276566790fa8555c7cbe69c554dbf98ca03d1c0c49b8ac8eb82be3fd808b78")

    // And it goes through: every hop in Swift, then the destination.
    var current = forward.packet
    for hop in 0..<3 {
        let out = try Sphinxmix.process(
            parameters: params, privateKey: keys[hop].privateKey, packet: current,
            associatedData: ad?[hop] ?? [])
        switch out.result {
        case .relay(_, let next): current = next
        case .destination(let body):
            #expect(try Sphinxmix.receiveForward(parameters: params, macKey: out.macKey, body: body).message == message)
        case .surbReply: Issue.record("unexpected SURB command")
        }
    }
}

@Test func knownAnswerForward_ad_256_2048_2() throws {
    let params = try SphinxmixParameters(headerLength: 256, bodyLength: 2048, associatedLength: 4)
    let (path, keys) = try katPath(2)
    let ad: [Bytes]? = [Bytes(hex: "41414141")!, Bytes(hex: "42424242")!]
    let padding = try Sphinxmix.finalPaddingLength(parameters: params, path: path, final: .destination)
    let message = Bytes("known answer ad-256-2048-2".utf8)
    let forward = try Sphinxmix.createForwardMessage(
        parameters: params, path: path, destination: Bytes("bob".utf8), message: message, associatedData: ad,
        randomness: SphinxmixPacketRandomness(
            initialSecret: [0x00] + label("smx-kat x ad-256-2048-2", 27),
            finalPadding: Bytes(repeating: 0x5a, count: padding)))
    #expect(forward.randomness.initialSecret.hex == "0013e7d021beea2309bd627894c7651f029b8e33f3eb45bd0a7cb778")
    #expect(
        forward.packet.header.alpha.hex
            == "0469e3bb4daa204a7e09c4d8b8a3148f5b6d943e7c10125b8151c6604e374d3b880893237fead160f61700c09bd7bad9cdafbb1132f5e0de50"
    )
    #expect(
        forward.packet.header.beta.hex
            == "a3ac28585b5822673ccc54fb4a898d402b3b630e0e9a355bbb7f7c2c912d6fb85d780a0524a4d5cce9e8e0b468ca564ccea149ce625a6822c085032773cbe95e70165865f9721904b596c72f975f3bb58c335ee1c5cf2a50270b0e942357b74eefb1600d292a706b8e02e48a1fbd2d3500ce1db80f3fe3dd114e439e6efe711325cdb39d310bd40dc4afe98307c25d77504b7d494c95d74e1f4a584e35db45abad89faed28a3b68bbeb207df22d33eadcc1802ab34c1b3de1bf1d4f17747564fbb51f347ab2e6d7f91b25ed3e78caba052a1204f578e6257d6a445c8991b74c6"
    )
    #expect(forward.packet.header.gamma.hex == "d03e9d390bf41c97caa0a6e37e5ef365")
    #expect(SHA256.hash(forward.packet.delta).hex == "5135943707384f707e64ef6ff29a67aa013774fec634e91a2478b45eab9c0a8a")

    // And it goes through: every hop in Swift, then the destination.
    var current = forward.packet
    for hop in 0..<2 {
        let out = try Sphinxmix.process(
            parameters: params, privateKey: keys[hop].privateKey, packet: current,
            associatedData: ad?[hop] ?? [])
        switch out.result {
        case .relay(_, let next): current = next
        case .destination(let body):
            #expect(try Sphinxmix.receiveForward(parameters: params, macKey: out.macKey, body: body).message == message)
        case .surbReply: Issue.record("unexpected SURB command")
        }
    }
}

@Test func knownAnswer_surb_default_2() throws {
    let params = try SphinxmixParameters(headerLength: 192, bodyLength: 1024, associatedLength: 0)
    let (path, _) = try katPath(2)
    let surbID = label("smx-kat surb id surb-default-2", 16)
    let padding = try Sphinxmix.finalPaddingLength(
        parameters: params, path: path,
        final: .surb(destination: Bytes("myself".utf8), surbID: surbID))
    let creation = try Sphinxmix.createSURB(
        parameters: params, path: path, destination: Bytes("myself".utf8),
        randomness: SphinxmixSURBRandomness(
            surbID: surbID, initialSecret: [0x00] + label("smx-kat x surb-default-2", 27),
            finalPadding: Bytes(repeating: 0x5a, count: padding),
            kTilde: label("smx-kat k tilde surb-default-2", 16)))
    #expect(creation.randomness.surbID.hex == "55949796a130cce5d0534f42e27f2950")
    #expect(creation.surb.kTilde.hex == "3ec49b40496f0c114533818bf1ee201b")
    #expect(
        creation.surb.header.alpha.hex
            == "04536b986e4791234ae98b264ddbc4c9c6b7eab1fd6e50764a6aeafa7d32d08e9732ff31245b7010b8ff6c2572f8f5d83b70bab95278c94d5f"
    )
    #expect(
        creation.surb.header.beta.hex
            == "d9463c3200a87e9f1330352de9e15d0cee1372b3378b469664beaa90bf3fe01ca62e410094243b55ba343c06af0219a7dddf158ab1e4f6ab9e5233cce9694d6803dceff4c758accf6a8496853eb08683a118bc1ca5e4b73747bcc03004c75367738b156d446cf096166db24e2bfe19dcb8f9ec0025b6d58dcd6783499dd0c5670d42978c321cea51b6db235b5c44af15d6067c723dff8a0e485f2f52df4a7598"
    )
    #expect(creation.surb.header.gamma.hex == "602d48df723f08fdf54d23244da4fa82")
    #expect(
        creation.keys.map(\.hex) == [
            "3ec49b40496f0c114533818bf1ee201b",
            "89777ae30045b97977e247c8c1c144c6",
            "8288ebaa787dbd12f58b4efb4a4a5ae9",
        ])
    let reply = try Sphinxmix.packageSURB(parameters: params, surb: creation.surb, message: Bytes("reply".utf8))
    #expect(SHA256.hash(reply.delta).hex == "f853f974d0aee067ab4bfc73e69d3051f04483c195f890ba5c0f13776c8f87ad")
}
