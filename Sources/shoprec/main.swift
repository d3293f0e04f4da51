print("shoprec")
