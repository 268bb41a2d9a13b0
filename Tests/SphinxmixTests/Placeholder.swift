import Testing

@Test func placeholderSphinxmixTests() { #expect(Bool(true)) }
