enum ShopRecServicePlaceholder {}
