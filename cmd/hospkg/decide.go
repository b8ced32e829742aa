package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"hospkg/nlp"
	"hospkg/nlp/model"
)

func decideFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "rules-only", Usage: "keep every fact the rules find, without the learned model's decision; each fact's confidence is then the rules' measured precision for its kind"},
		&cli.StringFlag{Name: "model", Usage: "decide with the model in `FILE` (written by hospkg train) instead of the embedded one"},
	}
}

// decideOptions say how each extraction is judged after the rules.
type decideOptions struct {
	rulesOnly bool   // --rules-only
	model     string // --model FILE; "" is the embedded model
}

func decideOptionsFrom(c *cli.Context) decideOptions {
	return decideOptions{rulesOnly: c.Bool("rules-only"), model: c.String("model")}
}

// decider is what judges each extraction: the model's decision, or with
// rulesOnly the rules' measured precision as confidence.
func (o decideOptions) decider() (func(*nlp.Extraction), error) {
	var m *model.Model
	var err error
	if o.model == "" {
		if m, err = model.Default(); err != nil {
			return nil, fmt.Errorf("the embedded model: %w", err)
		}
	} else {
		data, err := os.ReadFile(o.model)
		if err != nil {
			return nil, fmt.Errorf("model: %w", err)
		}
		if m, err = model.Decode(data); err != nil {
			return nil, fmt.Errorf("model %s: %w", o.model, err)
		}
	}
	if o.rulesOnly {
		return m.Prior, nil
	}
	return m.Decide, nil
}
