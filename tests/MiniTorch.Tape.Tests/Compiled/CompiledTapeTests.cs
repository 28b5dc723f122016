namespace MiniTorch.Tests;

/// <summary>
/// <see cref="CompiledTape"/>: the training network's tape compiled, whole or in small chunks, replays every value and
/// gradient of the interpreted tape bit for bit, relu switching sides included; it calls user-defined functions,
/// allocates nothing, and its code serves another tape with the same steps.
/// </summary>
[Trait("Task", "1.4")]
public sealed class CompiledTapeTests
{
    private const int Hidden = 10;

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(7)]
    [InlineData(1)]
    public void The_network_tape_compiled_replays_every_slot_and_gradient_of_the_interpreter(int stepsPerChunk)
    {
        var parameters = ScalarMlp.NewParameters(Hidden, seed: 4);
        foreach (var label in new[] { 0, 1 })
        {
            var interpreted = Record(parameters, label);
            var compiled = Record(parameters, label).Compile(stepsPerChunk);
            var random = new Random(label);
            for (var n = 0; n < 50; n++)
            {
                double[] point = [(4.0 * random.NextDouble()) - 2.0, (4.0 * random.NextDouble()) - 2.0];
                point.CopyTo(interpreted.Inputs);
                point.CopyTo(compiled.Tape.Inputs);
                BitAssert.Identical(interpreted.Forward(), compiled.Forward(), "output");
                interpreted.Backward();
                compiled.Backward();
                for (var slot = 0; slot < interpreted.SlotCount; slot++)
                {
                    BitAssert.Identical(interpreted.ValueAt(slot), compiled.Tape.ValueAt(slot), $"value of slot {slot}");
                }

                BitAssert.Identical(interpreted.Gradients.ToArray(), compiled.Tape.Gradients.ToArray(), "gradient");
            }
        }
    }

    [Fact]
    public void A_chain_of_12500_steps_is_cut_into_chunks_and_keeps_the_interpreters_bits()
    {
        var interpreted = MiniTorch.Tape.Record(Chain, 0.5, 1.25);
        var compiled = MiniTorch.Tape.Record(Chain, 0.5, 1.25).Compile();

        // Five steps per link (a fused multiply-add, sigmoid, product, negation, sum): 12,500 steps.
        Assert.True(compiled.ChunkCount > 1, "one chunk");
        BitAssert.Identical(interpreted.Forward([0.75, -0.5]), compiled.Forward([0.75, -0.5]), "output");
        interpreted.Backward(0.5);
        compiled.Backward(0.5);
        BitAssert.Identical(interpreted.Gradients.ToArray(), compiled.Tape.Gradients.ToArray(), "gradient");
    }

    [Fact]
    public void Interpreted_and_compiled_replays_of_one_tape_can_alternate()
    {
        var parameters = ScalarMlp.NewParameters(Hidden, seed: 8);
        var reference = Record(parameters, 0);
        var mixed = Record(parameters, 0);
        var compiled = mixed.Compile();
        var random = new Random(3);
        for (var n = 0; n < 20; n++)
        {
            double[] point = [(4.0 * random.NextDouble()) - 2.0, (4.0 * random.NextDouble()) - 2.0];
            var dOutput = n % 3 == 0 ? -0.0 : random.NextDouble() - 0.5;
            reference.Forward([.. point, .. reference.Inputs[2..]]);
            reference.Backward(dOutput);
            point.CopyTo(mixed.Inputs);
            _ = n % 2 == 0 ? compiled.Forward() : mixed.Forward();
            if (n % 4 < 2)
            {
                compiled.Backward(dOutput);
            }
            else
            {
                mixed.Backward(dOutput);
            }

            BitAssert.Identical(reference.Gradients.ToArray(), mixed.Gradients.ToArray(), $"gradient, replay {n}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_tape_without_steps_compiles_and_gives_the_output_its_derivative(int input)
    {
        var tape = MiniTorch.Tape.Record(x => x[input], 1.0, 2.0);
        var compiled = tape.Compile();
        tape.Backward(5.0);

        Assert.Equal(2.0 - input, compiled.Forward([2.0, 1.0]));
        compiled.Backward(-3.0);

        Assert.Equal(input == 0 ? [-3.0, 0.0] : [0.0, -3.0], compiled.Tape.Gradients.ToArray());
    }

    [Fact]
    public void A_user_defined_function_is_called_from_the_compiled_code_with_the_graph_engines_results()
    {
        var tape = MiniTorch.Tape.Record(v => Scalar.Apply<MulAdd>(v[0], v[1], v[0]).Sigmoid(), 0.5, 2.0);
        var compiled = tape.Compile();

        var output = compiled.Forward([3.0, -0.25]);
        compiled.Backward();

        var x = new Scalar(3.0);
        var y = new Scalar(-0.25);
        var expected = Scalar.Apply<MulAdd>(x, y, x).Sigmoid();
        expected.Backward();
        BitAssert.Identical(expected.Data, output, "output");
        BitAssert.Identical([x.Derivative!.Value, y.Derivative!.Value], compiled.Tape.Gradients.ToArray(), "gradient");
    }

    [Fact]
    public void Compiled_replay_allocates_nothing_after_warm_up()
    {
        var compiled = Record(ScalarMlp.NewParameters(Hidden, seed: 5), 1).Compile();
        for (var n = 0; n < 100; n++)
        {
            Replay(compiled, n);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 0; n < 10_000; n++)
        {
            Replay(compiled, n);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_code_replays_another_tape_with_the_same_steps_and_refuses_one_with_other_steps()
    {
        var first = Record(ScalarMlp.NewParameters(Hidden, seed: 6), 1);
        var second = Record(ScalarMlp.NewParameters(Hidden, seed: 7), 1);
        var interpreted = Record(ScalarMlp.NewParameters(Hidden, seed: 7), 1);

        var shared = first.Compile().For(second);
        BitAssert.Identical(interpreted.Forward(), shared.Forward(), "output");
        interpreted.Backward();
        shared.Backward();

        BitAssert.Identical(interpreted.Gradients.ToArray(), second.Gradients.ToArray(), "gradient");
        Assert.Throws<ArgumentException>(() => first.Compile().For(Record(ScalarMlp.NewParameters(Hidden, seed: 6), 0)));
    }

    private static Scalar Chain(Scalar[] x)
    {
        var y = x[0];
        for (var n = 0; n < 2500; n++)
        {
            y = ((y * 0.999) + x[1]).Sigmoid() - (y * x[1]);
        }

        return y;
    }

    private static void Replay(CompiledTape compiled, int n)
    {
        compiled.Tape.Inputs[0] = (n % 7) / 7.0;
        compiled.Tape.Inputs[1] = (n % 11) / 11.0;
        compiled.Forward();
        compiled.Backward();
    }

    private static MiniTorch.Tape Record(Scalar[] parameters, int label)
    {
        var x0 = new Scalar(0.25);
        var x1 = new Scalar(0.75);
        var loss = ScalarMlp.Build(parameters, x0, x1, label, Hidden).Loss / 50;
        return MiniTorch.Tape.Record(loss, [x0, x1, .. parameters]);
    }
}
