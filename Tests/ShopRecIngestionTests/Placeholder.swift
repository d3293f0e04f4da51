import Testing
@Test func placeholderShopRecIngestionTests() { #expect(Bool(true)) }
