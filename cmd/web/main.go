// Command web serves the gloveboard dashboard.
package main

func main() {}
