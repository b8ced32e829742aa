package model

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
)

// magic opens every model file; the digit is the format's version.
const magic = "hospkg-model-2\n"

// Encode writes the model in its file format: the magic line, then per
// kind the calibration, the bias, the weights sorted by feature (float32)
// and the thresholds and priors sorted by subkind, all little-endian. The
// same model always gives the same bytes.
func (m *Model) Encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	e := &encoder{w: bw}
	e.bytes([]byte(magic))
	for k := Kind(0); k < kinds; k++ {
		d := &m.Deciders[k]
		weights := d.Weights
		if weights == nil {
			weights = &Logistic{}
		}
		e.float(d.A)
		e.float(d.B)
		e.float(weights.Bias)
		keys := slices.Sorted(maps.Keys(weights.Weights))
		e.uint(uint32(len(keys)))
		for _, f := range keys {
			e.uint(f)
			e.uint(math.Float32bits(float32(weights.Weights[f])))
		}
		for _, table := range []map[string]float64{d.Thresholds, d.Priors} {
			subs := slices.Sorted(maps.Keys(table))
			e.uint(uint32(len(subs)))
			for _, s := range subs {
				e.uint(uint32(len(s)))
				e.bytes([]byte(s))
				e.float(table[s])
			}
		}
	}
	if e.err != nil {
		return fmt.Errorf("write model: %w", e.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

type encoder struct {
	w   io.Writer
	err error
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) uint(v uint32) {
	e.bytes(binary.LittleEndian.AppendUint32(nil, v))
}

func (e *encoder) float(v float64) {
	e.bytes(binary.LittleEndian.AppendUint64(nil, math.Float64bits(v)))
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("read model: not a hospkg model file (or one of another version)")
	}
	d := &decoder{data: data[len(magic):]}
	m := &Model{}
	for k := Kind(0); k < kinds && d.err == nil; k++ {
		dec := &m.Deciders[k]
		dec.A, dec.B = d.float(), d.float()
		dec.Weights = &Logistic{Bias: d.float(), Weights: make(map[uint32]float64)}
		n := d.uint()
		for i := uint32(0); i < n && d.err == nil; i++ {
			f := d.uint()
			dec.Weights.Weights[f] = float64(math.Float32frombits(d.uint()))
		}
		tables := [2]map[string]float64{}
		for t := range tables {
			tables[t] = make(map[string]float64)
			n := d.uint()
			for i := uint32(0); i < n && d.err == nil; i++ {
				s := d.string()
				tables[t][s] = d.float()
			}
		}
		dec.Thresholds, dec.Priors = tables[0], tables[1]
	}
	if d.err == nil && len(d.data) > 0 {
		d.err = fmt.Errorf("%d bytes after the last kind", len(d.data))
	}
	if d.err != nil {
		return nil, fmt.Errorf("read model: %w", d.err)
	}
	return m, nil
}

type decoder struct {
	data []byte
	err  error
}

func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.data) {
		d.err = errors.New("the file is cut short")
		return nil
	}
	b := d.data[:n]
	d.data = d.data[n:]
	return b
}

func (d *decoder) uint() uint32 {
	if b := d.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (d *decoder) float() float64 {
	if b := d.take(8); b != nil {
		return math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
	return 0
}

func (d *decoder) string() string {
	n := d.uint()
	return string(d.take(int(n)))
}
