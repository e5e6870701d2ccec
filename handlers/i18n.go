package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/language"

	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/views"
)

// The interface language of a request is, in order: the lang cookie set
// by the header's language switch, then the best match of the browser's
// Accept-Language among views.Languages, then English. URLs carry no
// language: a link means the same page in every language, and switching
// reloads the page at the same address.

// langCookie is the cookie remembering the language chosen in the header.
const langCookie = "lang"

// langCookieAge is how long the choice is remembered.
const langCookieAge = 365 * 24 * time.Hour

// locales holds one immutable views.Locale per interface language and
// matches requests to them.
type locales struct {
	byLang  map[views.Lang]views.Locale
	tags    []views.Lang // in the matcher's order
	matcher language.Matcher
	force   *views.Locale // every request in this locale (tests)
}

func newLocales(force *views.Locale) *locales {
	l := &locales{byLang: make(map[views.Lang]views.Locale), force: force}
	var tags []language.Tag
	for _, lang := range views.Languages() {
		l.byLang[lang] = views.NewLocale(lang)
		l.tags = append(l.tags, lang)
		tags = append(tags, language.MustParse(string(lang)))
	}
	l.matcher = language.NewMatcher(tags)
	return l
}

// pick returns the locale for a request.
func (l *locales) pick(r *http.Request) views.Locale {
	if l.force != nil {
		return *l.force
	}
	if ck, err := r.Cookie(langCookie); err == nil {
		if loc, ok := l.byLang[views.Lang(ck.Value)]; ok {
			return loc
		}
	}
	if accept := r.Header.Get("Accept-Language"); accept != "" {
		if prefs, _, err := language.ParseAcceptLanguage(accept); err == nil && len(prefs) > 0 {
			_, index, conf := l.matcher.Match(prefs...)
			if conf != language.No {
				return l.byLang[l.tags[index]]
			}
		}
	}
	return l.byLang[views.English]
}

// localeMiddleware puts the request's locale into its context (where templ
// components find it) and into the echo context (locale(c)). Pages vary
// with the cookie and Accept-Language, which caches must know.
func (s *Server) localeMiddleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		loc := s.locales.pick(c.Request())
		c.Set("locale", loc)
		c.SetRequest(c.Request().WithContext(views.WithLocale(c.Request().Context(), loc)))
		h := c.Response().Header()
		h.Add("Vary", "Accept-Language")
		h.Add("Vary", "Cookie")
		return next(c)
	}
}

// locale returns the request's locale (English outside the middleware,
// as in handler unit tests that call a handler directly).
func locale(c echo.Context) views.Locale {
	if loc, ok := c.Get("locale").(views.Locale); ok {
		return loc
	}
	return views.LocaleFrom(c.Request().Context())
}

// setLanguage serves GET /lang/:lang?next=PATH: it remembers the language
// in a cookie and goes back to next, the page the switch was clicked on
// (with its query and fragment, so that the page keeps its state). A
// choice of language changes nothing stored, so a plain link does it.
func (s *Server) setLanguage(c echo.Context) error {
	lang := views.Lang(c.Param("lang"))
	if _, ok := s.locales.byLang[lang]; !ok {
		return apperr.Invalidf("Unknown language “%s”: choose one of %s.", apperr.Quote(c.Param("lang")), langList())
	}
	c.SetCookie(&http.Cookie{Name: langCookie, Value: string(lang), Path: "/",
		MaxAge: int(langCookieAge / time.Second), HttpOnly: true, SameSite: http.SameSiteLaxMode})
	return c.Redirect(http.StatusSeeOther, localTarget(c.QueryParam("next")))
}

// localTarget returns next when it is a path on this server, "/"
// otherwise: the switch must not become an open redirect.
func localTarget(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "/"
	}
	return next
}

func langList() string {
	var names []string
	for _, l := range views.Languages() {
		names = append(names, string(l))
	}
	return strings.Join(names, ", ")
}
