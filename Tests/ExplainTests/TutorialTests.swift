import Foundation
import SphinxSpec
import Testing

/// The DocC tutorial "Build and open a Sphinx packet" (SphinxSpec.docc/BuildAndOpenAPacket.tutorial):
/// its code files live in the catalog (SphinxSpec.docc/Resources/; DocC can only show files inside
/// its catalog), and Tutorial/ here holds symbolic links to them, so the tests compile and run the
/// very files the tutorial shows.
@Suite struct TutorialTests {
    static let files = (1...5).map { String(format: "build-open-%02d.swift", $0) }

    @Test func catalogCopiesAreTheTestedFiles() throws {
        let tested = ExplainSupport.packageRoot.appendingPathComponent("Tests/ExplainTests/Tutorial")
        let shown = ExplainSupport.packageRoot.appendingPathComponent("Sources/SphinxSpec/SphinxSpec.docc/Resources")
        for name in Self.files {
            let a = try Data(contentsOf: tested.appendingPathComponent(name))
            let b = try Data(contentsOf: shown.appendingPathComponent(name))
            #expect(a == b, "\(name): Tests/ExplainTests/Tutorial/\(name) must link to SphinxSpec.docc/Resources")
        }
    }

    @Test func everyStepRuns() throws {
        let (route, secrets) = try BuildAndOpenStep1.run()
        #expect(route.count == 3 && secrets.count == 3)
        let (packet, _) = try BuildAndOpenStep2.run()
        #expect(packet.bytes.count == NymConstants.headerLength + NymConstants.defaultPayloadLength)
        #expect(packet.firstHopAddress == route[0].address)
        let (same, _) = try BuildAndOpenStep3.run()
        #expect(same == packet)
        #expect(same.creation.headerCreation.filler.count == 2 * NymConstants.routingBlockLength)
        #expect(try BuildAndOpenStep4.run() == Bytes("hello".utf8))
        let (message, replayRefused) = try BuildAndOpenStep5.run()
        #expect(message == Bytes("hello".utf8))
        #expect(replayRefused)
    }
}
