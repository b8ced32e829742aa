package model

import (
	"math"
	"math/rand/v2"
)

// Logistic is a logistic regression over hashed binary features, kept
// sparse: only features seen in training have a weight.
type Logistic struct {
	Bias    float64
	Weights map[uint32]float64
}

// Logit is the model's log-odds that a candidate with these features is
// right.
func (l *Logistic) Logit(features []uint32) float64 {
	z := l.Bias
	for _, f := range features {
		z += l.Weights[f]
	}
	return z
}

// Example is a candidate's features with its label.
type Example struct {
	Features []uint32
	Right    bool
}

// trainConfig holds the training constants; they are fixed so that the same
// examples give the same weights, bit for bit.
type trainConfig struct {
	epochs int
	rate   float64 // AdaGrad's step
	l2     float64
	seed   uint64
}

var defaultTraining = trainConfig{epochs: 12, rate: 0.05, l2: 1e-3, seed: 20261129}

// trainLogistic fits a logistic regression by AdaGrad over the examples,
// visited in an order shuffled by a fixed seed. Every product is rounded
// explicitly (float64(…)), so the compiler may not fuse multiply-adds and
// the weights are the same on every platform.
func trainLogistic(examples []Example, cfg trainConfig) *Logistic {
	w := make(map[uint32]float64)
	g2 := make(map[uint32]float64)
	var bias, biasG2 float64
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.seed, uint64(len(examples))))
	for epoch := 0; epoch < cfg.epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			ex := examples[i]
			z := bias
			for _, f := range ex.Features {
				z += w[f]
			}
			y := 0.0
			if ex.Right {
				y = 1
			}
			grad := sigmoid(z) - y
			biasG2 += float64(grad * grad)
			bias -= float64(cfg.rate*grad) / math.Sqrt(biasG2+1e-8)
			for _, f := range ex.Features {
				g := grad + float64(cfg.l2*w[f])
				g2[f] += float64(g * g)
				w[f] -= float64(cfg.rate*g) / math.Sqrt(g2[f]+1e-8)
			}
		}
	}
	// Weights are stored as float32 (Encode): round them now, so that the
	// model in memory decides as the one read back does.
	for f, v := range w {
		w[f] = float64(float32(v))
	}
	return &Logistic{Bias: float64(float32(bias)), Weights: w}
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// platt fits p = sigmoid(a·z + b) to logits z and labels: Newton's
// method with a backtracking line search on the log loss, with Platt's
// smoothed targets (Lin, Lin and Weng's version of Platt's algorithm). It
// returns a = 1, b = 0 (the logits as they are) when a label is missing.
func platt(z []float64, right []bool) (a, b float64) {
	var pos, neg float64
	for _, r := range right {
		if r {
			pos++
		} else {
			neg++
		}
	}
	if pos == 0 || neg == 0 {
		return 1, 0
	}
	hi, lo := (pos+1)/(pos+2), 1/(neg+2)
	target := func(i int) float64 {
		if right[i] {
			return hi
		}
		return lo
	}
	loss := func(a, b float64) float64 {
		var l float64
		for i, zi := range z {
			f := float64(a*zi) + b
			t := target(i)
			l += float64(t*softplus(-f)) + float64((1-t)*softplus(f))
		}
		return l
	}
	a, b = 1, 0
	current := loss(a, b)
	for iter := 0; iter < 100; iter++ {
		var ga, gb, haa, hab, hbb float64
		for i, zi := range z {
			p := sigmoid(float64(a*zi) + b)
			d := p - target(i)
			ga += float64(d * zi)
			gb += d
			v := float64(p * (1 - p))
			haa += float64(v * float64(zi*zi))
			hab += float64(v * zi)
			hbb += v
		}
		if math.Abs(ga) < 1e-6 && math.Abs(gb) < 1e-6 {
			break
		}
		haa += 1e-12
		hbb += 1e-12
		det := float64(haa*hbb) - float64(hab*hab)
		if det <= 0 {
			break
		}
		da := -(float64(hbb*ga) - float64(hab*gb)) / det
		db := -(float64(haa*gb) - float64(hab*ga)) / det
		slope := float64(ga*da) + float64(gb*db)
		step := 1.0
		for ; step >= 1e-10; step /= 2 {
			na, nb := a+float64(step*da), b+float64(step*db)
			if l := loss(na, nb); l < current+float64(1e-4*float64(step*slope)) {
				a, b, current = na, nb, l
				break
			}
		}
		if step < 1e-10 {
			break
		}
	}
	if math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return 1, 0
	}
	return a, b
}

// softplus is log(1+exp(x)), finite for every x.
func softplus(x float64) float64 {
	return math.Max(x, 0) + math.Log1p(math.Exp(-math.Abs(x)))
}
