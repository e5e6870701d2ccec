package weat

// Builtin is a built-in test: the word lists of one of the WEATs of
// Caliskan, Bryson & Narayanan (2017), as published in the paper's
// supplementary materials, with the labels of its four sets.
type Builtin struct {
	Name        string // identifier, e.g. "flowers-insects"
	Title       string // e.g. "WEAT 1: flowers vs insects, pleasant vs unpleasant"
	XName       string
	YName       string
	AName       string
	BName       string
	Sets        Sets
	PaperEffect float64 // the effect size the paper reports for GloVe on Common Crawl
}

// Word lists as published (facts, not text): target sets X and Y and
// attribute sets A and B.
var (
	flowers = []string{"aster", "clover", "hyacinth", "marigold", "poppy", "azalea", "crocus", "iris", "orchid", "rose",
		"bluebell", "daffodil", "lilac", "pansy", "tulip", "buttercup", "daisy", "lily", "peony", "violet",
		"carnation", "gladiola", "magnolia", "petunia", "zinnia"}
	insects = []string{"ant", "caterpillar", "flea", "locust", "spider", "bedbug", "centipede", "fly", "maggot", "tarantula",
		"bee", "cockroach", "gnat", "mosquito", "termite", "beetle", "cricket", "hornet", "moth", "wasp",
		"blackfly", "dragonfly", "horsefly", "roach", "weevil"}
	pleasant = []string{"caress", "freedom", "health", "love", "peace", "cheer", "friend", "heaven", "loyal", "pleasure",
		"diamond", "gentle", "honest", "lucky", "rainbow", "diploma", "gift", "honor", "miracle", "sunrise",
		"family", "happy", "laughter", "paradise", "vacation"}
	unpleasant = []string{"abuse", "crash", "filth", "murder", "sickness", "accident", "death", "grief", "poison", "stink",
		"assault", "disaster", "hatred", "pollute", "tragedy", "divorce", "jail", "poverty", "ugly", "cancer",
		"kill", "rotten", "vomit", "agony", "prison"}
	instruments = []string{"bagpipe", "cello", "guitar", "lute", "trombone", "banjo", "clarinet", "harmonica", "mandolin", "trumpet",
		"bassoon", "drum", "harp", "oboe", "tuba", "bell", "fiddle", "harpsichord", "piano", "viola",
		"bongo", "flute", "horn", "saxophone", "violin"}
	weapons = []string{"arrow", "club", "gun", "missile", "spear", "axe", "dagger", "harpoon", "pistol", "sword",
		"blade", "dynamite", "hatchet", "rifle", "tank", "bomb", "firearm", "knife", "shotgun", "teargas",
		"cannon", "grenade", "mace", "slingshot", "whip"}
	maleNames   = []string{"John", "Paul", "Mike", "Kevin", "Steve", "Greg", "Jeff", "Bill"}
	femaleNames = []string{"Amy", "Joan", "Lisa", "Sarah", "Diana", "Kate", "Ann", "Donna"}
	career      = []string{"executive", "management", "professional", "corporation", "salary", "office", "business", "career"}
	family      = []string{"home", "parents", "children", "family", "cousins", "marriage", "wedding", "relatives"}
	mathWords   = []string{"math", "algebra", "geometry", "calculus", "equations", "computation", "numbers", "addition"}
	arts7       = []string{"poetry", "art", "dance", "literature", "novel", "symphony", "drama", "sculpture"}
	maleTerms7  = []string{"male", "man", "boy", "brother", "he", "him", "his", "son"}
	femaleTerm7 = []string{"female", "woman", "girl", "sister", "she", "her", "hers", "daughter"}
	science     = []string{"science", "technology", "physics", "chemistry", "Einstein", "NASA", "experiment", "astronomy"}
	arts8       = []string{"poetry", "art", "Shakespeare", "dance", "literature", "novel", "symphony", "drama"}
	maleTerms8  = []string{"brother", "father", "uncle", "grandfather", "son", "he", "his", "him"}
	femaleTerm8 = []string{"sister", "mother", "aunt", "grandmother", "daughter", "she", "hers", "her"}
)

// Builtins returns the built-in tests, each call a fresh copy.
func Builtins() []Builtin {
	cp := func(s []string) []string { return append([]string(nil), s...) }
	return []Builtin{
		{Name: "flowers-insects", Title: "WEAT 1: flowers vs insects, pleasant vs unpleasant", XName: "flowers", YName: "insects", AName: "pleasant", BName: "unpleasant",
			Sets: Sets{X: cp(flowers), Y: cp(insects), A: cp(pleasant), B: cp(unpleasant)}, PaperEffect: 1.50},
		{Name: "instruments-weapons", Title: "WEAT 2: instruments vs weapons, pleasant vs unpleasant", XName: "instruments", YName: "weapons", AName: "pleasant", BName: "unpleasant",
			Sets: Sets{X: cp(instruments), Y: cp(weapons), A: cp(pleasant), B: cp(unpleasant)}, PaperEffect: 1.53},
		{Name: "career-family", Title: "WEAT 6: male vs female names, career vs family", XName: "male names", YName: "female names", AName: "career", BName: "family",
			Sets: Sets{X: cp(maleNames), Y: cp(femaleNames), A: cp(career), B: cp(family)}, PaperEffect: 1.81},
		{Name: "math-arts", Title: "WEAT 7: math vs arts, male vs female terms", XName: "math", YName: "arts", AName: "male terms", BName: "female terms",
			Sets: Sets{X: cp(mathWords), Y: cp(arts7), A: cp(maleTerms7), B: cp(femaleTerm7)}, PaperEffect: 1.06},
		{Name: "science-arts", Title: "WEAT 8: science vs arts, male vs female terms", XName: "science", YName: "arts", AName: "male terms", BName: "female terms",
			Sets: Sets{X: cp(science), Y: cp(arts8), A: cp(maleTerms8), B: cp(femaleTerm8)}, PaperEffect: 1.24},
	}
}

// BuiltinNamed returns the built-in test called name.
func BuiltinNamed(name string) (Builtin, bool) {
	for _, e := range Builtins() {
		if e.Name == name {
			return e, true
		}
	}
	return Builtin{}, false
}
