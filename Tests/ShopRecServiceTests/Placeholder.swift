import Testing
@Test func placeholderShopRecServiceTests() { #expect(Bool(true)) }
