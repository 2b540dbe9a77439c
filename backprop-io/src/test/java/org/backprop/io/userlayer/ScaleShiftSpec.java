package org.backprop.io.userlayer;

import java.util.List;

import org.backprop.layer.Layer;
import org.backprop.layer.LayerContext;
import org.backprop.layer.LayerSpec;
import org.backprop.network.ParamKind;
import org.backprop.network.ParameterShape;
import org.backprop.network.Params;

/** A {@link ScaleShift} layer: width unchanged, parameters G (1×d, starts at 1) and B (1×d, starts at 0). */
record ScaleShiftSpec() implements LayerSpec {

    @Override
    public String type() {
        return "scale_shift";
    }

    @Override
    public int outputs(int inputs) {
        return inputs;
    }

    @Override
    public List<ParameterShape> parameters(int inputs) {
        return List.of(new ParameterShape("G", ParamKind.WEIGHT, 1, inputs),
                new ParameterShape("B", ParamKind.BIAS, 1, inputs));
    }

    @Override
    public Layer build(LayerContext context) {
        context.parameter("G").value().fill(1.0);
        return new ScaleShift(context.name(), context.parameter("G"), context.parameter("B"));
    }

    @Override
    public Params params() {
        return Params.EMPTY;
    }
}
