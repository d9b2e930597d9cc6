module github.com/durandbot/durand

go 1.26.0

require (
	github.com/sahilm/fuzzy v0.1.3 // indirect
	golang.org/x/text v0.43.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
