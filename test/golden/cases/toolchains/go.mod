module example.com/acme

go 1.22.0
