import Testing

@Test func placeholderPropertyTests() { #expect(Bool(true)) }
