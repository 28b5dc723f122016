using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace MiniTorch;

/// <summary>
/// The tape of one label class for the tape engines (<see cref="TapeEngine"/>, <see cref="ParallelTapeEngine"/>): one
/// point's scaled loss −log(prob) / N recorded with the inputs [x₀, x₁, p₀, p₁, …], and where to read its results.
/// </summary>
internal sealed class ClassTape
{
    /// <summary>The tape inputs before the parameters: the point's coordinates x₀ and x₁.</summary>
    public const int XInputs = 2;

    private ClassTape(Tape tape, CompiledTape? compiled, TimeSpan compileTime, int outputSlot, int lossSlot, bool[] dependsOn)
    {
        Tape = tape;
        ModelSteps = Array.FindIndex(tape.Steps.All, step => step.Out == outputSlot) + 1;
        Compiled = compiled;
        CompileTime = compileTime;
        OutputSlot = outputSlot;
        LossSlot = lossSlot;
        DependsOn = dependsOn;
    }

    /// <summary>The recorded scaled loss.</summary>
    public Tape Tape { get; }

    /// <summary>The compiled code that replays <see cref="Tape"/>, or <see langword="null"/> when it is interpreted.</summary>
    public CompiledTape? Compiled { get; }

    /// <summary>How long compiling <see cref="Tape"/> took (zero when it is interpreted or shares another tape's code).</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>The slot of the model's output.</summary>
    public int OutputSlot { get; }

    /// <summary>The slot of the unscaled loss −log(prob).</summary>
    public int LossSlot { get; }

    /// <summary>
    /// How many steps compute the model's output: the steps before it, which every class's tape shares, and the loss's
    /// after it (0 when the output is an input or a constant).
    /// </summary>
    public int ModelSteps { get; }

    /// <summary>For each parameter, whether the loss depends on it (the graph engine reaches it).</summary>
    public bool[] DependsOn { get; }

    /// <summary>
    /// Builds a point's graph as <see cref="ScalarEngine"/> does, with leaves for x (constants would be frozen into the
    /// tape) and the parameters' current scalars, and records it.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="parameters">The model's parameters, in <see cref="Module.Parameters"/> order.</param>
    /// <param name="point">A point of the class.</param>
    /// <param name="label">Its label.</param>
    /// <param name="pointCount">N, the number of points of the epoch.</param>
    /// <param name="replay">
    /// Whether <see cref="Replay"/> interprets the tape or runs it compiled; a tape longer than
    /// <see cref="CompiledTape.WorthwhileSteps"/> is interpreted either way, and so is every tape where generated code
    /// would not be compiled to machine code (<see cref="RuntimeFeature.IsDynamicCodeCompiled"/> false, as under NativeAOT).
    /// </param>
    /// <param name="sibling">
    /// A tape of the same class recorded from the same model, whose compiled code this one reuses (the threads of
    /// <see cref="ParallelTapeEngine"/>), or <see langword="null"/> to compile anew.
    /// </param>
    /// <returns>The class's tape.</returns>
    /// <exception cref="ArgumentException">
    /// The model's output depends on a leaf scalar that is not one of its parameters, or a parameter holds a computed
    /// scalar or shares its scalar with another parameter.
    /// </exception>
    public static ClassTape Record(
        Module<Scalar[], Scalar> model, Parameter[] parameters, DataPoint point, int label, int pointCount, TapeReplay replay, ClassTape? sibling = null)
    {
        var x = new[] { new Scalar(point.X1, "x0"), new Scalar(point.X2, "x1") };
        var output = model.Call(x);
        var prob = label == 1 ? output : -output + 1.0;
        var loss = -prob.Log();
        var scaled = loss / pointCount;

        var inputs = new Scalar[XInputs + parameters.Length];
        x.CopyTo(inputs, 0);
        for (var i = 0; i < parameters.Length; i++)
        {
            inputs[XInputs + i] = parameters[i].Value;
        }

        var tape = Tape.Record(scaled, inputs);
        var reached = new HashSet<IVariable>(Autodiff.TopologicalSort(scaled), ReferenceEqualityComparer.Instance);
        var dependsOn = Array.ConvertAll(parameters, p => reached.Contains(p.Value));
        var compiling = Stopwatch.StartNew();
        var compiled = replay == TapeReplay.Compiled && CompiledTapeCode.CodeSteps(tape.Steps.All, tape.StepCount) <= CompiledTape.WorthwhileSteps && RuntimeFeature.IsDynamicCodeCompiled
            ? sibling?.Compiled?.For(tape) ?? tape.Compile()
            : null;
        var compileTime = compiled is null || sibling?.Compiled is not null ? TimeSpan.Zero : compiling.Elapsed;
        return new ClassTape(tape, compiled, compileTime, tape.SlotOf(output), tape.SlotOf(loss), dependsOn);
    }

    /// <summary>The class of a label: 1 for label 1, 0 for any other.</summary>
    /// <param name="label">The label.</param>
    /// <returns>0 or 1.</returns>
    public static int ClassOf(int label) => label == 1 ? 1 : 0;

    /// <summary>Reads the parameters' current values.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="values">Receives one value per parameter.</param>
    public static void ReadValues(Parameter[] parameters, Span<double> values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            values[i] = parameters[i].Value.Data;
        }
    }

    /// <summary>Copies the parameters' values into the tape's inputs, after x₀ and x₁.</summary>
    /// <param name="values">One value per parameter, in <see cref="Module.Parameters"/> order.</param>
    public void LoadParameters(ReadOnlySpan<double> values) => values.CopyTo(Tape.Inputs[XInputs..]);

    /// <summary>Sets x to <paramref name="point"/>, replays forward and backward, and reports the point's results.</summary>
    /// <param name="point">The point.</param>
    /// <param name="label">Its label, for the correct count.</param>
    /// <param name="loss">The point's unscaled loss −log(prob).</param>
    /// <returns>Whether the point was classified correctly (see <see cref="Predictions.IsCorrect"/>).</returns>
    public bool Replay(DataPoint point, int label, out double loss)
    {
        var inputs = Tape.Inputs;
        inputs[0] = point.X1;
        inputs[1] = point.X2;
        if (Compiled is null)
        {
            Tape.Forward();
            Tape.Backward();
        }
        else
        {
            Compiled.Forward();
            Compiled.Backward();
        }
        loss = Tape.ValueAt(LossSlot);
        return Predictions.IsCorrect(Tape.ValueAt(OutputSlot), label);
    }

    /// <summary>
    /// Replays only the loss steps, compiled, from the model's output <paramref name="output"/>: forward, then backward
    /// from the scaled loss's derivative 1, as <see cref="Replay"/> does for those steps.
    /// </summary>
    /// <param name="lossCode">The compiled loss steps of this tape (<see cref="EpochCode.Losses"/>).</param>
    /// <param name="output">The model's output at the point.</param>
    /// <param name="loss">The point's unscaled loss −log(prob).</param>
    /// <returns>The derivative of the scaled loss with respect to the output: where the model's backward sweep starts.</returns>
    public double ReplayLoss(CompiledTapeCode lossCode, double output, out double loss)
    {
        Tape.SetValue(OutputSlot, output);
        foreach (var chunk in lossCode.Forward)
        {
            Tape.Run(chunk);
        }

        loss = Tape.ValueAt(LossSlot);
        Tape.StartCompiledBackward(1.0);
        for (var c = lossCode.Backward.Length - 1; c >= 0; c--)
        {
            Tape.Run(lossCode.Backward[c]);
        }

        return Tape.AdjointAt(OutputSlot);
    }

    /// <summary>The gradient of the scaled loss with respect to each parameter, as of the latest <see cref="Replay"/>.</summary>
    /// <returns>One gradient per parameter.</returns>
    public ReadOnlySpan<double> ParameterGradients() => Tape.Gradients[XInputs..];
}
