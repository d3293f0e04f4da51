import Testing
@Test func placeholderShopRecCoreTests() { #expect(Bool(true)) }
