import ShopRecIngestion
import Testing

@Suite("Order column mappings: command-line form and recognised headers")
struct OrderColumnMappingTests {
  @Test("the command-line form: names, positions, options; values may hold spaces and commas")
  func parsing() throws {
    let mapping = try OrderColumnMapping(
      parsing: "order=InvoiceNo, customer=CustomerID,product=3,name=Description,quantity=Quantity,"
        + "price=UnitPrice,time=InvoiceDate,status=State,date-format=%d.%m.%Y, %H:%M,delimiter=tab,"
        + "header=yes,cancelled-prefix=C"
    )
    #expect(mapping.order == .named("InvoiceNo"))
    #expect(mapping.customer == .named("CustomerID"))
    #expect(mapping.product == .position(3))
    #expect(mapping.name == .named("Description"))
    #expect(mapping.quantity == .named("Quantity"))
    #expect(mapping.price == .named("UnitPrice"))
    #expect(mapping.time == .named("InvoiceDate"))
    #expect(mapping.status == .named("State"))
    #expect(mapping.timestampFormat.description == "%d.%m.%Y, %H:%M")
    #expect(mapping.delimiter == "\t")
    #expect(mapping.hasHeader)
    #expect(mapping.cancelledOrderPrefix == "C")
    #expect(try OrderColumnMapping(parsing: mapping.description) == mapping)
  }

  @Test(
    "bad mappings are refused with a reason",
    arguments: [
      ("customer=c,product=p,time=t,date-format=%Y-%Q", "unknown directive"),
      ("product=p,time=t", "no customer column"),
      ("customer=c,product=p", "no time column"),
      ("customer=c,time=t", "no product column"),
      ("customer=c,product=p,time=t,header=maybe", "use yes or no"),
      (
        "customer=c,product=2,time=3,header=no",
        "customer is given by name but the file has no header"
      ),
      ("customer=0,product=2,time=3", "positions start at 1"),
      ("garbage,customer=1,product=2,time=3", "is not key=value"),
      ("customer=1,product=2,time=3,delimiter=ab", "use one ASCII character"),
      ("customer=1,product=2,time=3,date-format=%H:%M", "needs a year, a month and a day"),
    ]
  )
  func refused(text: String, expected: String) {
    #expect {
      try OrderColumnMapping(parsing: text)
    } throws: { error in
      (error as? OrderColumnMappingError)?.message.contains(expected) == true
    }
  }

  @Test("known headers are recognised, optional columns kept only when present")
  func recognition() throws {
    let canonical = try #require(
      OrderColumnMapping.recognizing(header: [
        "order_id", "customer_id", "product_id", "quantity", "price", "timestamp",
      ])
    )
    #expect(canonical.status == nil && canonical.name == nil)
    #expect(canonical.quantity == .named("quantity"))
    let retail = try #require(
      OrderColumnMapping.recognizing(header: [
        "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
        "CustomerID", "Country",
      ])
    )
    #expect(retail == .onlineRetail)
    let groceries = try #require(
      OrderColumnMapping.recognizing(header: ["Member_number", "Date", "itemDescription"])
    )
    #expect(
      groceries.order == nil && groceries.product == nil
        && groceries.name == .named("itemDescription")
    )
    #expect(groceries.timestampFormat.description == "%d-%m-%Y")
    #expect(OrderColumnMapping.recognizing(header: ["order", "client", "sku"]) == nil)
  }
}
