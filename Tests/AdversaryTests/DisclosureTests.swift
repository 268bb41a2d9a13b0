import Foundation
import Testing
@testable import LoopixSpec

/// The statistical disclosure attack (SPEC.md LOOPIX-ADV-SDA-1, LOOPIX-ADV-SDA-2).
@Suite struct DisclosureTests {
    /// Negative control of the attack, against the literature: in Danezis' own setting (threshold
    /// mix, no cover) the median rounds to disclosure over 40 trials lies between the rounds his
    /// condition gives for l = 1 and l = 2 standard deviations (N = 50, m = 3, b = 10: 10 and 40).
    /// The bracket is checked to be able to fail: the prediction for a 10× larger batch (b = 100)
    /// must not contain the measured median.
    @Test func thresholdMixConvergesAsDanezisPredicts() throws {
        let s = DisclosureAttack.ThresholdSetting(recipients: 50, friends: 3, batch: 10)
        let rounds = try DisclosureAttack.thresholdRoundsToDisclosure(s, maxRounds: 400, trials: 40, seed: 7)
        let found = rounds.compactMap { $0 }.sorted()
        #expect(found.count == 40)
        let median = Double(found[19] + found[20]) / 2
        let low = DisclosureAttack.predictedRounds(s, confidence: 1)
        let high = DisclosureAttack.predictedRounds(s, confidence: 2)
        print("SDA threshold mix: median \(median) rounds; Danezis l=1 \(low), l=2 \(high)")
        #expect(median >= low && median <= high)
        let wrong = DisclosureAttack.ThresholdSetting(recipients: 50, friends: 3, batch: 100)
        #expect(median < DisclosureAttack.predictedRounds(wrong, confidence: 1))
    }

    /// Cover traffic defeats the correlation form of the attack: without cover every trial is
    /// disclosed within 400 rounds; with the paper's rule and with Nym's, none is (Alice's number
    /// of packets per round no longer depends on what she writes). The excess form, which assumes
    /// the rest of the traffic is uniform and known, still discloses with either rule.
    @Test func coverDefeatsTheCorrelationAttack() throws {
        var curves: [DisclosureAttack.Cover: DisclosureAttack.Curve] = [:]
        for (i, cover) in DisclosureAttack.Cover.allCases.enumerated() {
            let s = DisclosureAttack.LoopixSetting(
                recipients: 50, friends: 3, roundLength: 10, backgroundRate: 5, realRate: 0.2, cover: cover,
                lambdaP: 1, lambdaL: 0.5, lambdaD: 0.5)
            curves[cover] = try DisclosureAttack.loopixCurve(s, maxRounds: 400, trials: 12, seed: 20 + UInt64(i))
        }
        for (cover, c) in curves.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            print(
                "SDA cover \(cover.rawValue): correlation median \(String(describing: c.medianRoundsCorrelation)),"
                    + " excess median \(String(describing: c.medianRoundsExcess)),"
                    + " last correlation \(c.correlationCorrect.last ?? -1)"
            )
        }
        let none = try #require(curves[.none]), paper = try #require(curves[.paper]), nym = try #require(curves[.nym])
        #expect(none.correlationCorrect.last == 1)
        #expect(none.medianRoundsCorrelation != nil)
        #expect(paper.correlationCorrect.last == 0 && paper.medianRoundsCorrelation == nil)
        #expect(nym.correlationCorrect.last == 0 && nym.medianRoundsCorrelation == nil)
        #expect(paper.medianRoundsExcess != nil && nym.medianRoundsExcess != nil)
    }

    /// Bad settings end in typed errors.
    @Test func badSettingsAreRefused() {
        #expect(throws: AdversaryError.self) {
            _ = try DisclosureAttack.thresholdRoundsToDisclosure(
                .init(recipients: 3, friends: 3, batch: 2), maxRounds: 10, trials: 1, seed: 1)
        }
        #expect(throws: AdversaryError.self) {
            _ = try DisclosureAttack.loopixCurve(
                .init(
                    recipients: 10, friends: 2, roundLength: -1, backgroundRate: 1, realRate: 1, cover: .none,
                    lambdaP: 1, lambdaL: 0, lambdaD: 0), maxRounds: 10, trials: 1, seed: 1)
        }
    }
}
