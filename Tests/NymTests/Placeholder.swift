import Testing

@Test func placeholderNymTests() { #expect(Bool(true)) }
