import ShopRecCore

/// The one list of a snapshot file's sections.
///
/// Every array of the model appears here exactly once, under its section name; the writer and
/// the reader both run this walk (see ``SnapshotSectionCoder``), so they cannot drift apart. A
/// new model array is added here, and the format version is bumped.
extension SnapshotLayout {
  /// Visits every section of `source` (nil when reading) and assembles the snapshot.
  mutating func snapshot(
    _ source: Snapshot?,
    metadata: SnapshotMetadata
  ) throws(SnapshotFileError) -> Snapshot {
    Snapshot(
      metadata: metadata,
      catalog: try self.catalog(source?.catalog),
      categories: try self.categories(source?.categories),
      links: try self.links(source?.links),
      coPurchase: try self.coPurchase(source?.coPurchase),
      popularity: try self.popularity(source?.popularity),
      lists: try self.lists(source?.lists),
      orders: try self.orders(source?.orders)
    )
  }

  mutating func catalog(_ source: Catalog?) throws(SnapshotFileError) -> Catalog {
    Catalog(
      productIDs: try self.indexedStrings("catalog.productIDs", source?.productIDs),
      titles: try self.strings("catalog.titles", source?.titles),
      urls: try self.strings("catalog.urls", source?.urls),
      pictures: try self.strings("catalog.pictures", source?.pictures),
      category: try self.column("catalog.category", source?.category),
      brand: try self.column("catalog.brand", source?.brand),
      group: try self.column("catalog.group", source?.group),
      regularPrice: try self.column("catalog.regularPrice", source?.regularPrice),
      salePrice: try self.column("catalog.salePrice", source?.salePrice),
      saleStart: try self.column("catalog.saleStart", source?.saleStart),
      saleEnd: try self.column("catalog.saleEnd", source?.saleEnd),
      currency: try self.column("catalog.currency", source?.currency),
      flags: try self.column("catalog.flags", source?.flags),
      introducedDay: try self.column("catalog.introducedDay", source?.introducedDay),
      params: try self.rows("catalog.params", source?.params),
      brands: try self.indexedStrings("catalog.brands", source?.brands),
      groupIDs: try self.indexedStrings("catalog.groupIDs", source?.groupIDs),
      groupMembers: try self.rows("catalog.groupMembers", source?.groupMembers),
      currencies: try self.strings("catalog.currencies", source?.currencies),
      paramNames: try self.strings("catalog.paramNames", source?.paramNames),
      paramValues: try self.strings("catalog.paramValues", source?.paramValues)
    )
  }

  mutating func categories(_ source: CategoryTree?) throws(SnapshotFileError) -> CategoryTree {
    CategoryTree(
      ids: try self.indexedStrings("categories.ids", source?.ids),
      names: try self.strings("categories.names", source?.names),
      parent: try self.column("categories.parent", source?.parent),
      depth: try self.column("categories.depth", source?.depth),
      children: try self.rows("categories.children", source?.children),
      subtreeProducts: try self.rows("categories.subtreeProducts", source?.subtreeProducts),
      subtreeSales: try self.scoredRows("categories.subtreeSales", source?.subtreeSales)
    )
  }

  mutating func links(_ source: ProductLinks?) throws(SnapshotFileError) -> ProductLinks {
    ProductLinks(
      accessories: try self.rows("links.accessories", source?.accessories),
      compatible: try self.rows("links.compatible", source?.compatible),
      successors: try self.rows("links.successors", source?.successors)
    )
  }

  mutating func coPurchase(
    _ source: CoPurchaseMatrix?
  ) throws(SnapshotFileError) -> CoPurchaseMatrix {
    CoPurchaseMatrix(
      together: try self.scoredRows("coPurchase.together", source?.together),
      later: try self.scoredRows("coPurchase.later", source?.later),
      categoryFollowUps: try self.scoredRows(
        "coPurchase.categoryFollowUps",
        source?.categoryFollowUps
      )
    )
  }

  mutating func popularity(_ source: Popularity?) throws(SnapshotFileError) -> Popularity {
    Popularity(
      score: try self.column("popularity.score", source?.score),
      orderCount: try self.column("popularity.orderCount", source?.orderCount),
      ranking: try self.column("popularity.ranking", source?.ranking)
    )
  }

  mutating func lists(_ source: PrecomputedLists?) throws(SnapshotFileError) -> PrecomputedLists {
    PrecomputedLists(
      similar: try self.rankedRows("lists.similar", source?.similar),
      accessories: try self.rankedRows("lists.accessories", source?.accessories),
      replacements: try self.rankedRows("lists.replacements", source?.replacements)
    )
  }

  mutating func orders(_ source: OrderHistory?) throws(SnapshotFileError) -> OrderHistory {
    OrderHistory(
      customerIDs: try self.indexedStrings("orders.customerIDs", source?.customerIDs),
      orderIDs: try self.strings("orders.orderIDs", source?.orderIDs),
      orderCustomer: try self.column("orders.orderCustomer", source?.orderCustomer),
      orderTime: try self.column("orders.orderTime", source?.orderTime),
      orderLines: try self.rows("orders.orderLines", source?.orderLines),
      orderValue: try self.column("orders.orderValue", source?.orderValue),
      customerOrders: try self.rows("orders.customerOrders", source?.customerOrders),
      customerProducts: try self.rows("orders.customerProducts", source?.customerProducts)
    )
  }
}
