namespace MiniTorch.Tests;

/// <summary>
/// The training network of Task 1.5 (2 → 10 → 10 → 1) on the tape: recorded once per label class, replayed for every
/// point, it matches the graph engine bit for bit, relu switching sides included, and replays without allocating.
/// </summary>
[Trait("Task", "1.4")]
public sealed class TapeTrainingNetworkTests
{
    private const int Hidden = 10;
    private const int Points = 200;

    [Fact]
    public void Replay_matches_the_graph_engine_bit_for_bit_over_an_epoch()
    {
        var parameters = ScalarMlp.NewParameters(Hidden, seed: 1);
        var tapes = new[] { Record(parameters, 0, Points), Record(parameters, 1, Points) };
        var random = new Random(2);
        var tapeGradients = new double[parameters.Length];
        var switched = 0;
        for (var n = 0; n < Points; n++)
        {
            // Points well outside [0, 1)² too, so that many relus sit on the other side than at recording.
            double x0 = (4.0 * random.NextDouble()) - 2.0, x1 = (4.0 * random.NextDouble()) - 2.0;
            var label = random.Next(2);
            var graph = ScalarMlp.Build(parameters, new Scalar(x0), new Scalar(x1), label, Hidden);
            (graph.Loss / Points).Backward();

            var (tape, recording) = tapes[label];
            tape.Inputs[0] = x0;
            tape.Inputs[1] = x1;
            tape.Forward();
            tape.Backward();
            for (var j = 0; j < parameters.Length; j++)
            {
                tapeGradients[j] += tape.Gradients[2 + j];
            }

            BitAssert.Identical(graph.Output.Data, tape.ValueAt(tape.SlotOf(recording.Output)), "output");
            BitAssert.Identical(graph.Loss.Data, tape.ValueAt(tape.SlotOf(recording.Loss)), "loss");
            for (var r = 0; r < graph.PreActivations.Length; r++)
            {
                var replayed = tape.ValueAt(tape.SlotOf(recording.PreActivations[r]));
                BitAssert.Identical(graph.PreActivations[r].Data, replayed, "relu input");
                switched += replayed > 0 != recording.PreActivations[r].Data > 0 ? 1 : 0;
            }

            for (var j = 0; j < parameters.Length; j++)
            {
                BitAssert.Identical(parameters[j].Derivative!.Value, tapeGradients[j], $"gradient {j}");
            }
        }

        Assert.True(switched > Points, $"only {switched} relus switched sides");
    }

    [Fact]
    public void Replay_allocates_nothing_after_warm_up()
    {
        var parameters = ScalarMlp.NewParameters(Hidden, seed: 3);
        var (tape, _) = Record(parameters, 1, 50);
        var inputs = new double[tape.InputCount];
        tape.Inputs.CopyTo(inputs);
        for (var n = 0; n < 100; n++)
        {
            Replay(tape, inputs, n);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 0; n < 10_000; n++)
        {
            Replay(tape, inputs, n);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Replay(MiniTorch.Tape tape, double[] inputs, int n)
    {
        inputs[0] = (n % 7) / 7.0;
        inputs[1] = (n % 11) / 11.0;
        tape.Forward(inputs);
        tape.Backward();
    }

    private static (MiniTorch.Tape Tape, ScalarMlp.Graph Recording) Record(Scalar[] parameters, int label, int pointCount)
    {
        var x0 = new Scalar(0.25);
        var x1 = new Scalar(0.75);
        var graph = ScalarMlp.Build(parameters, x0, x1, label, Hidden);
        var loss = graph.Loss / pointCount;
        return (MiniTorch.Tape.Record(loss, [x0, x1, .. parameters]), graph);
    }
}
