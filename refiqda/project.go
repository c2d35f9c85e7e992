// Package refiqda is the REFI-QDA exchange format (QDA-XML 1.0, the
// project.qde inside a .qdpx) as kansrijk reads and writes it: the parts
// of the project model it uses, the position conventions that exporters
// disagree on, and the writer of a .qdpx.
package refiqda

import "encoding/xml"

// Namespace is the namespace of QDA-XML 1.0.
const Namespace = "urn:QDA-XML:project:1.0"

// Project is the root of a project.qde. Field order follows the
// sequence of Project.xsd, so that an encoded project validates. Tags
// carry no namespace: a project with or without the standard's
// namespace decodes alike; Xmlns writes it.
type Project struct {
	XMLName          xml.Name   `xml:"Project"`
	Xmlns            string     `xml:"xmlns,attr,omitempty"`
	Naam             string     `xml:"name,attr"`
	Origin           string     `xml:"origin,attr,omitempty"`
	CreatingUser     string     `xml:"creatingUserGUID,attr,omitempty"`
	CreationDateTime string     `xml:"creationDateTime,attr,omitempty"`
	Users            *Users     `xml:"Users,omitempty"`
	CodeBook         *CodeBook  `xml:"CodeBook,omitempty"`
	Variables        *Variables `xml:"Variables,omitempty"`
	Cases            *Cases     `xml:"Cases,omitempty"`
	Sources          *Sources   `xml:"Sources,omitempty"`
	Description      string     `xml:"Description,omitempty"`
}

type Users struct {
	User []User `xml:"User"`
}

type User struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
}

type CodeBook struct {
	Codes []Code `xml:"Codes>Code"`
}

// Code is a code of the codebook; codes nest.
type Code struct {
	GUID        string `xml:"guid,attr"`
	Name        string `xml:"name,attr"`
	IsCodable   string `xml:"isCodable,attr"`
	Color       string `xml:"color,attr,omitempty"`
	Description string `xml:"Description,omitempty"`
	Codes       []Code `xml:"Code"`
}

type Variables struct {
	Variable []Variable `xml:"Variable"`
}

// Variable defines a case or source variable; TypeOfVariable is Text,
// Boolean, Integer, Float, Date or DateTime.
type Variable struct {
	GUID           string `xml:"guid,attr"`
	Name           string `xml:"name,attr"`
	TypeOfVariable string `xml:"typeOfVariable,attr"`
	Description    string `xml:"Description,omitempty"`
}

// VariableValue is the value of a variable for a case or a source; one
// of the value elements is set.
type VariableValue struct {
	Ref           Ref     `xml:"VariableRef"`
	TextValue     *string `xml:"TextValue"`
	BooleanValue  *string `xml:"BooleanValue"`
	IntegerValue  *string `xml:"IntegerValue"`
	FloatValue    *string `xml:"FloatValue"`
	DateValue     *string `xml:"DateValue"`
	DateTimeValue *string `xml:"DateTimeValue"`
}

// Waarde is the value as written, whatever its type.
func (v VariableValue) Waarde() string {
	for _, p := range []*string{v.TextValue, v.BooleanValue, v.IntegerValue, v.FloatValue, v.DateValue, v.DateTimeValue} {
		if p != nil {
			return *p
		}
	}
	return ""
}

type Ref struct {
	Target string `xml:"targetGUID,attr"`
}

type Cases struct {
	Case []Case `xml:"Case"`
}

// Case is a case (a participant, a persona) with its variables and the
// sources and selections that belong to it.
type Case struct {
	GUID          string          `xml:"guid,attr"`
	Name          string          `xml:"name,attr,omitempty"`
	Description   string          `xml:"Description,omitempty"`
	VariableValue []VariableValue `xml:"VariableValue"`
	SourceRef     []Ref           `xml:"SourceRef"`
	SelectionRef  []Ref           `xml:"SelectionRef"`
}

// Sources holds the text sources; sources of other kinds (pictures,
// PDF, audio, video) are only counted when decoding.
type Sources struct {
	Text  []TextSource `xml:"TextSource"`
	Other []struct {
		XMLName xml.Name
	} `xml:",any"`
}

// TextSource is a text with its coded selections. The text is either
// inline (PlainTextContent) or a file in the .qdpx (plainTextPath,
// usually internal://NAME.txt).
type TextSource struct {
	GUID             string          `xml:"guid,attr"`
	Name             string          `xml:"name,attr,omitempty"`
	RichTextPath     string          `xml:"richTextPath,attr,omitempty"`
	PlainTextPath    string          `xml:"plainTextPath,attr,omitempty"`
	CreatingUser     string          `xml:"creatingUser,attr,omitempty"`
	CreationDateTime string          `xml:"creationDateTime,attr,omitempty"`
	Description      string          `xml:"Description,omitempty"`
	PlainTextContent *string         `xml:"PlainTextContent"`
	Selections       []Selection     `xml:"PlainTextSelection"`
	VariableValue    []VariableValue `xml:"VariableValue"`
}

// Selection is a PlainTextSelection: a stretch of the text with the
// codes applied to it. Positions are kept as written: exporters count
// them differently (see Conventie).
type Selection struct {
	GUID         string   `xml:"guid,attr"`
	Name         string   `xml:"name,attr,omitempty"`
	Start        string   `xml:"startPosition,attr"`
	End          string   `xml:"endPosition,attr"`
	CreatingUser string   `xml:"creatingUser,attr,omitempty"`
	Codings      []Coding `xml:"Coding"`
}

type Coding struct {
	GUID         string `xml:"guid,attr"`
	CreatingUser string `xml:"creatingUser,attr,omitempty"`
	Ref          Ref    `xml:"CodeRef"`
}

// ToonGroep is the code group whose codes give a fragment its tone
// (Toon > positief), as kansrijk writes and stores it.
const ToonGroep = "Toon"
