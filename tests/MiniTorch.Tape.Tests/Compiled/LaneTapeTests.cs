using System.Globalization;
using CsCheck;

namespace MiniTorch.Tests;

/// <summary>
/// <see cref="LaneTape"/>: a tape compiled for 2, 4 or 8 points at once replays, in every lane, exactly what the graph
/// engine computes at that lane's point, every value and gradient, for random programs over the nine built-in
/// functions and for the training network, whole or cut into chunks; its gradient sums add the lanes in point order.
/// </summary>
[Trait("Task", "1.4")]
public sealed class LaneTapeTests
{
    private const int InputCount = 3;

    public static TheoryData<int> Widths => [.. LaneVector.Widths];

    private static readonly Gen<Instruction> Instructions =
        Gen.Select(Gen.Int[0, 14], Gen.Int[0, 999], Gen.Int[0, 999], Gen.Int[0, 999], Gen.Double[-3.0, 3.0])
            .Select((op, a, b, c, value) => new Instruction(op, a, b, c, value));

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_lane_of_a_random_program_is_bit_identical_to_the_graph_engine_at_its_point(int lanes) =>
        Gen.Select(Instructions.Array[1, 40], Gen.Double[-3.0, 3.0].Array[InputCount].Array[lanes + 1], Gen.Double[-2.0, 2.0].Array[lanes], Gen.Int[1, 6]).Sample(
            (program, points, dOutputs, stepsPerChunk) =>
            {
                var recorded = Build(program, points[lanes], out var recordedLeaves);
                var tape = MiniTorch.Tape.Record(recorded[^1], recordedLeaves);
                var code = new CompiledTapeCode(tape.Steps, 0, tape.StepCount, tape.Shape, LaneVector.Of(lanes), stepsPerChunk);
                var replay = new LaneTape(code, tape);
                for (var lane = 0; lane < lanes; lane++)
                {
                    for (var i = 0; i < InputCount; i++)
                    {
                        replay.SetInput(i, lane, points[lane][i]);
                    }

                    replay.StartBackward(lane, dOutputs[lane]);
                }

                replay.Forward();
                for (var lane = 0; lane < lanes; lane++)
                {
                    replay.StartBackward(lane, dOutputs[lane]);
                }

                replay.Backward();
                var onTape = new HashSet<IVariable>(Autodiff.TopologicalSort(recorded[^1]));
                for (var lane = 0; lane < lanes; lane++)
                {
                    var expected = Build(program, points[lane], out var leaves);
                    expected[^1].Backward(dOutputs[lane]);
                    for (var n = 0; n < recorded.Count; n++)
                    {
                        if (onTape.Contains(recorded[n]))
                        {
                            BitAssert.Identical(expected[n].Data, replay.ValueAt(tape.SlotOf(recorded[n]), lane), Where(lane, $"value {n}"));
                        }
                    }

                    for (var i = 0; i < InputCount; i++)
                    {
                        BitAssert.Identical(leaves[i].Derivative ?? 0.0, replay.GradientAt(i, lane), Where(lane, $"gradient {i}"));
                    }
                }
            },
            iter: 200);

    [Theory]
    [MemberData(nameof(Widths))]
    public void The_training_networks_tape_replays_each_lanes_point_and_sums_its_gradients_in_point_order(int lanes)
    {
        const int Hidden = 7;
        var network = new Network(Hidden, new SplitMix64(3));
        var x = new[] { new Scalar(0.5, "x0"), new Scalar(-0.25, "x1") };
        var output = network.Call(x);
        Scalar[] inputs = [.. x, .. network.Parameters().Select(p => p.Value)];
        var interpreted = MiniTorch.Tape.Record(output, inputs);
        var code = new CompiledTapeCode(interpreted.Steps, 0, interpreted.StepCount, interpreted.Shape, LaneVector.Of(lanes));
        var replay = new LaneTape(code, interpreted);
        replay.SetInputsOfEveryLane(2, interpreted.Inputs[2..].ToArray());
        var random = new Random(lanes);
        var expectedSums = new double[inputs.Length - 2];
        var sums = new double[inputs.Length - 2];
        for (var batch = 0; batch < 3; batch++)
        {
            var points = batch == 2 ? lanes - 1 : lanes;
            for (var lane = 0; lane < lanes; lane++)
            {
                replay.SetInput(0, lane, (4.0 * random.NextDouble()) - 2.0);
                replay.SetInput(1, lane, (4.0 * random.NextDouble()) - 2.0);
            }

            replay.Forward();
            for (var lane = 0; lane < lanes; lane++)
            {
                replay.StartBackward(lane, lane - 1.5);
            }

            replay.Backward();
            for (var lane = 0; lane < lanes; lane++)
            {
                interpreted.Inputs[0] = replay.ValueAt(0, lane);
                interpreted.Inputs[1] = replay.ValueAt(1, lane);
                interpreted.Forward();
                interpreted.Backward(lane - 1.5);
                for (var slot = 0; slot < interpreted.SlotCount; slot++)
                {
                    BitAssert.Identical(interpreted.ValueAt(slot), replay.ValueAt(slot, lane), Where(lane, $"value of slot {slot}"));
                }

                for (var i = 0; i < inputs.Length; i++)
                {
                    BitAssert.Identical(interpreted.Gradients[i], replay.GradientAt(i, lane), Where(lane, $"gradient {i}"));
                }

                if (lane < points)
                {
                    interpreted.AddGradientsTo(expectedSums, firstInput: 2);
                }
            }

            replay.AddGradientsTo(sums, firstInput: 2, points);
            BitAssert.Identical(expectedSums, sums, $"sums after batch {batch}");
        }

        Assert.True(code.LoopCount > 0 || Hidden * Hidden < CompiledTapeCode.MinLoopSteps, "no loops");
    }

    private static string Where(int lane, string what) => string.Create(CultureInfo.InvariantCulture, $"lane {lane}, {what}");

    /// <summary>Runs the program on new leaves; returns every value it made, the leaves first and the output last.</summary>
    private static List<Scalar> Build(Instruction[] program, double[] point, out Scalar[] leaves)
    {
        leaves = Array.ConvertAll(point, Scalar.FromDouble);
        var pool = new List<Scalar>(leaves);
        foreach (var ins in program)
        {
            var a = Pick(pool, ins.A);
            var b = Pick(pool, ins.B);
            pool.Add(ins.Op switch
            {
                0 => a + b,
                1 => a * b,
                2 => -a,
                3 => Scalar.Apply<Functions.Inv>(a),
                4 => a.Log(),
                5 => a.Exp(),
                6 => a.Sigmoid(),
                7 => a.Relu(),
                8 => a < b,
                9 => ins.C % 2 == 0 ? a.Eq(a) : a.Eq(b),
                10 => ins.C % 2 == 0 ? a * ins.Value : ins.Value + a,
                11 => a - b,
                12 => a / b,
                13 => a + (b * Pick(pool, ins.C)),
                _ => (a * b) + Pick(pool, ins.C),
            });
        }

        return pool;
    }

    /// <summary>Half the time one of the four newest values (deep chains), otherwise any value (wide sharing).</summary>
    private static Scalar Pick(List<Scalar> pool, int r) =>
        r < 500 ? pool[pool.Count - 1 - (r % Math.Min(4, pool.Count))] : pool[r % pool.Count];

    /// <summary>One random operation: which one, three operand choices and a constant.</summary>
    private readonly record struct Instruction(int Op, int A, int B, int C, double Value);
}
