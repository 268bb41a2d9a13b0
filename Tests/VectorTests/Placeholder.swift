import Testing

@Test func placeholderVectorTests() { #expect(Bool(true)) }
