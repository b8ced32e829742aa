package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"

	"hospkg/graph"
	"hospkg/queries"
)

// writeError answers {"error": "…"}, the shape of cayley's API errors.
func (s *Server) writeError(w http.ResponseWriter, code int, err error) {
	s.writeJSON(w, code, map[string]string{"error": err.Error()})
}

// statusOf is the status an error of a query or a read answers with.
func statusOf(err error) int {
	switch {
	case errors.Is(err, queries.ErrUnknownQuery), errors.Is(err, queries.ErrNoEntity):
		return http.StatusNotFound
	case errors.Is(err, queries.ErrInterrupted):
		return http.StatusGatewayTimeout
	case errors.Is(err, graph.ErrStoreDamaged):
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

// writeJSON answers v as JSON, names and IRIs unescaped. A client that went
// away is only logged: there is nobody left to tell.
func (s *Server) writeJSON(w http.ResponseWriter, code int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.logf("encoding an answer: %v", err)
		code = http.StatusInternalServerError
		b.Reset()
		b.WriteString(`{"error": "encoding the answer failed"}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	s.sent(w.Write(b.Bytes()))
}

// sent logs a failed write of an answer.
func (s *Server) sent(_ int, err error) {
	if err != nil {
		s.logf("writing an answer: %v", err)
	}
}
