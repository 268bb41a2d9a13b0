import Testing

@Test func placeholderLoopixTests() { #expect(Bool(true)) }
