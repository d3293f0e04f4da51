import Testing
@Test func placeholderGRPCNGHTTP2Tests() { #expect(Bool(true)) }
