import Testing
import SphinxSpec

/// The byte-string conventions (SPEC.md CONV-BYTES, CONV-INT, CONV-HEX) and the helpers in
/// `ByteOps`. There is no external vector for these; the expected values follow from the
/// definitions in SPEC.md §1.
@Suite("Bytes and ByteOps")
struct BytesTests {
    @Test func hexRoundTripIsLowercase() throws {
        let bytes: Bytes = [0x00, 0x01, 0x7f, 0x80, 0xab, 0xff]
        #expect(bytes.hex == "00017f80abff")
        #expect(try Bytes(validatingHex: "00017F80ABff") == bytes)
        #expect(Bytes(hex: "00017f80abff") == bytes)
        #expect(try Bytes(validatingHex: "") == [])
        #expect(Bytes().hex == "")
    }

    struct BadHex: Sendable, CustomTestStringConvertible {
        let text: String
        let offset: Int
        var testDescription: String { "\"\(text)\" → offset \(offset)" }
    }

    static let badHex: [BadHex] = [
        BadHex(text: "0", offset: 1),  // odd length: the missing digit
        BadHex(text: "abc", offset: 3),
        BadHex(text: "0g", offset: 1),  // not a hex digit
        BadHex(text: "g0", offset: 0),
        BadHex(text: "00 11", offset: 2),  // no separators
        BadHex(text: "0x00", offset: 1),  // no prefix
        BadHex(text: "abz", offset: 2),  // a bad digit is reported before the odd length
        BadHex(text: "zé", offset: 0),
        BadHex(text: "00é", offset: 2),  // offsets count UTF-8 code units
    ]

    @Test(arguments: badHex)
    func badHexIsATypedError(_ c: BadHex) {
        #expect(throws: PrimitiveError.invalidHex(offset: c.offset)) { try Bytes(validatingHex: c.text) }
        #expect(Bytes(hex: c.text) == nil)
    }

    @Test func zerosAndXor() {
        #expect(Bytes.zeros(3) == [0, 0, 0])
        #expect(Bytes.zeros(0) == [])
        #expect(Bytes.zeros(-2) == [])
        #expect(ByteOps.xor([0x0f, 0xf0, 0xaa], [0xff, 0xff, 0x55]) == [0xf0, 0x0f, 0xff])
        #expect(ByteOps.xor([1, 2, 3], [1, 2]) == [0, 0])
    }

    @Test func constantTimeEqualAndIsAllZero() {
        #expect(ByteOps.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!ByteOps.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!ByteOps.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(ByteOps.constantTimeEqual([], []))
        #expect(ByteOps.isAllZero(Bytes.zeros(33)))
        #expect(!ByteOps.isAllZero(Bytes.zeros(32) + [1]))
        #expect(ByteOps.isAllZero([]))
    }

    @Test func wipeZeroesInPlace() {
        var secret: Bytes = [1, 2, 3, 4]
        ByteOps.wipe(&secret)
        #expect(secret == [0, 0, 0, 0])
        var empty: Bytes = []
        ByteOps.wipe(&empty)
        #expect(empty == [])
    }

    @Test func bigEndianIntegers() {
        #expect(ByteOps.bigEndian(0x0102, width: 2) == [0x01, 0x02])
        #expect(ByteOps.bigEndian(0x0102, width: 4) == [0, 0, 0x01, 0x02])
        #expect(ByteOps.bigEndian(0x010203, width: 2) == [0x02, 0x03])
        #expect(ByteOps.bigEndian(UInt64.max, width: 9) == [0] + Bytes(repeating: 0xff, count: 8))
        #expect(ByteOps.bigEndian(5, width: 0) == [])
        #expect(ByteOps.bigEndian(5, width: -1) == [])
        #expect(ByteOps.readBigEndian(Bytes([0x01, 0x02, 0x03])[...]) == 0x010203)
        #expect(ByteOps.readBigEndian(ByteOps.bigEndian(0xdead_beef_0102_0304, width: 8)[...]) == 0xdead_beef_0102_0304)
        #expect(ByteOps.readBigEndian(Bytes()[...]) == 0)
    }
}
