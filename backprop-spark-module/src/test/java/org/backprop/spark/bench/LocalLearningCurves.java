package org.backprop.spark.bench;

import java.util.Arrays;
import java.util.Locale;

import org.backprop.loss.SoftmaxCrossEntropy;
import org.backprop.metrics.Accuracy;
import org.backprop.metrics.ClassLabels;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Adam;
import org.backprop.tensor.Matrix;
import org.backprop.train.EpochRecord;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.backprop.train.TrainingListener;

/**
 * Benchmark helper (not a test): a cheap, Spark-free scan of Adam's learning rate and batch size on
 * {@link MllibComparison}'s synthetic set, to choose the settings the Spark comparison then runs. Rows
 * 0…ROWS−1 of {@link SyntheticTeacher} (seed 7, as the comparison's), every fifth row (id % 5 == 4) held out
 * as the test set; for each (activation, batch, learning rate) one local {@link Trainer} fit of 50→HIDDEN→10 with
 * softmax cross-entropy and Adam, and after every epoch the test accuracy and the training seconds so far
 * (the test pass not included). Prints the test set's Bayes limit (the teacher's noiseless argmax) first, then
 * one {@code CURVE,...} line per epoch. A local fit is not the Spark fit (one process, no per-step Spark cost),
 * so only accuracy per epoch carries over, not wall time.
 *
 * <p>Arguments: {@code rows hidden batches learningRates epochs threads activations}, e.g. {@code 200000 64
 * 256,1024 0.001,0.01 30 2 relu,tanh}. Run with {@code backprop-bench/spark/learning-curves.sh}.
 */
public final class LocalLearningCurves {
    private static final long SEED = 7;

    private LocalLearningCurves() {
    }

    public static void main(String[] args) {
        int rows = Integer.parseInt(args[0]);
        int[] hidden = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int[] batches = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        double[] rates = Arrays.stream(args[3].split(",")).mapToDouble(Double::parseDouble).toArray();
        int epochs = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        String[] activations = args[6].split(",");
        SyntheticTeacher teacher = new SyntheticTeacher(SEED);
        int testRows = rows / 5;
        int trainRows = rows - testRows;
        Matrix xTrain = Matrix.zeros(trainRows, SyntheticTeacher.FEATURES);
        int[] yTrain = new int[trainRows];
        Matrix xTest = Matrix.zeros(testRows, SyntheticTeacher.FEATURES);
        int[] yTest = new int[testRows];
        double bayesHits = 0;
        double bayesExpected = 0;
        for (int id = 0, tr = 0, te = 0; id < rows; id++) {
            double[] row = teacher.row(id);
            boolean test = id % 5 == 4;
            Matrix x = test ? xTest : xTrain;
            int i = test ? te : tr;
            for (int j = 0; j < SyntheticTeacher.FEATURES; j++) {
                x.set(i, j, row[j]);
            }
            int label = (int) row[SyntheticTeacher.FEATURES];
            if (test) {
                yTest[te++] = label;
                bayesHits += teacher.bayesCorrect(row, label);
                bayesExpected += teacher.bayesProbability(row);
            } else {
                yTrain[tr++] = label;
            }
        }
        System.out.printf(Locale.ROOT, "BAYES,test_rows=%d,teacher_accuracy=%.4f,expected=%.4f%n", testRows,
                bayesHits / testRows, bayesExpected / testRows);
        Matrix yTrainOneHot = ClassLabels.oneHot(yTrain, SyntheticTeacher.CLASSES);
        for (String activation : activations) {
            for (int batch : batches) {
                for (double rate : rates) {
                    curve(xTrain, yTrainOneHot, xTest, yTest, hidden, activation, batch, rate, epochs, threads);
                }
            }
        }
    }

    private static void curve(Matrix xTrain, Matrix yTrain, Matrix xTest, int[] yTest, int[] hidden,
                              String activation, int batch, double rate, int epochs, int threads) {
        var builder = NeuralNetwork.builder(SyntheticTeacher.FEATURES);
        for (int units : hidden) {
            builder.dense(units, activation);
        }
        try (NeuralNetwork net = builder.dense(SyntheticTeacher.CLASSES, "linear").loss(new SoftmaxCrossEntropy())
                .seed(SEED).threads(threads).build()) {
            long start = System.nanoTime();
            long[] excluded = {0};
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onEpochEnd(EpochRecord record) {
                    long t0 = System.nanoTime();
                    double seconds = (t0 - start - excluded[0]) / 1e9;
                    double accuracy = Accuracy.of(yTest, ClassLabels.argmax(net.predictProbabilities(xTest)));
                    System.out.printf(Locale.ROOT, "CURVE,hidden=%s,activation=%s,batch=%d,lr=%s,epoch=%d,"
                                    + "train_seconds=%.2f,mean_batch_loss=%.4f,test_accuracy=%.4f%n",
                            Arrays.toString(hidden), activation, batch,
                            rate, record.epoch() + 1, seconds, record.meanBatchLoss(), accuracy);
                    excluded[0] += System.nanoTime() - t0;
                }
            };
            new Trainer(net, new Adam(rate), TrainerConfig.defaults(SEED).withEpochs(epochs).withBatchSize(batch)
                    .withEvaluateEvery(epochs)).listener(listener).fit(xTrain, yTrain);
        }
    }
}
