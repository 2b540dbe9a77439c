package org.backprop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.backprop.train.EpochRecord;
import org.backprop.train.History;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The loss curves of a {@link History} as a PNG, drawn by JFreeChart: every epoch's mean batch loss
 * (what the progress lines call "loss", as Keras plots {@code loss}) and the validation loss of the
 * epochs that evaluated it.
 */
final class LossPlot {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private LossPlot() {
    }

    /** Writes the chart to {@code file} atomically; AWT runs headless. */
    static void write(Path file, History history, String lossName, PrintWriter stdout) {
        System.setProperty("java.awt.headless", "true");
        JFreeChart chart = ChartFactory.createXYLineChart("Training loss", "epoch", lossName, dataset(history),
                PlotOrientation.VERTICAL, true, false, false);
        CliFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT), stdout);
    }

    private static XYSeriesCollection dataset(History history) {
        XYSeries train = new XYSeries("training (mean batch loss)");
        XYSeries validation = new XYSeries("validation");
        for (EpochRecord r : history.epochs()) {
            train.add(r.epoch() + 1, r.meanBatchLoss());
            if (r.hasValidation()) {
                validation.add(r.epoch() + 1, r.validationLoss());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(train);
        if (validation.getItemCount() > 0) {
            data.addSeries(validation);
        }
        return data;
    }
}
