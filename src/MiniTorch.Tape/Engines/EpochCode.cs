using System.Diagnostics;

namespace MiniTorch;

/// <summary>
/// The compiled code of a tape engine's epoch, made from its class tapes: the model's part, the steps up to the model's
/// output, which every class shares, generated once for several points at a time; and each class's loss part, the steps
/// after the output, generated for one point at a time. Holds no numbers, so it can be made on another thread while
/// the engine replays the same tapes interpreted.
/// </summary>
/// <remarks>
/// The class tapes share the model's steps but not their slot numbers (the loss of class 0 has one constant more), so
/// the model's code follows one tape, <see cref="Source"/>, and runs on arrays of its own (<see cref="LaneTape"/>); each
/// loss part runs on its own class tape's arrays, from the model's output copied in.
/// </remarks>
internal sealed class EpochCode
{
    private EpochCode(ClassTape source, CompiledTapeCode model, CompiledTapeCode?[] losses, TimeSpan compileTime)
    {
        Source = source;
        Model = model;
        Losses = losses;
        CompileTime = compileTime;
    }

    /// <summary>The class tape whose slots the model's code reads and writes.</summary>
    public ClassTape Source { get; }

    /// <summary>The model's steps, for <see cref="Model"/>'s lanes of points at once.</summary>
    public CompiledTapeCode Model { get; }

    /// <summary>The loss steps of each class (index <see cref="ClassTape.ClassOf"/>) whose tape there was, for one point.</summary>
    public CompiledTapeCode?[] Losses { get; }

    /// <summary>How long generating and compiling took.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>How many steps the code replays: the model's, plus each class's loss steps.</summary>
    public int StepCount => Model.StepCount + Losses.Sum(loss => loss?.StepCount ?? 0);

    /// <summary>Whether compiling the model's steps of <paramref name="tape"/> pays (<see cref="CompiledTape.WorthwhileSteps"/>).</summary>
    /// <param name="tape">A class tape.</param>
    /// <returns>True when its code would be short enough.</returns>
    public static bool Pays(ClassTape tape) => CompiledTapeCode.CodeSteps(tape.Tape.Steps.All, tape.ModelSteps) <= CompiledTape.WorthwhileSteps;

    /// <summary>Generates and compiles the code of the recorded classes.</summary>
    /// <param name="tapes">The class tapes (index <see cref="ClassTape.ClassOf"/>), at least one recorded, none of them changed while this runs.</param>
    /// <param name="lanes">How many points the model's code takes at once: 1, 2, 4 or 8; 1 where the model has user-defined steps.</param>
    /// <param name="cancel">Checked between methods.</param>
    /// <returns>The code, compiled to machine code.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was set.</exception>
    public static EpochCode Compile(ReadOnlySpan<ClassTape?> tapes, int lanes, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var source = tapes[1] ?? tapes[0] ?? throw new ArgumentException("No class tape is recorded.", nameof(tapes));
        var steps = source.Tape.Steps;
        var custom = steps.All.Take(source.ModelSteps).Any(step => step.Op == TapeOp.Custom);
        var vector = lanes > 1 && !custom ? LaneVector.Of(lanes) : null;
        var model = new CompiledTapeCode(steps, 0, source.ModelSteps, source.Tape.Shape with { OutputSlot = source.OutputSlot }, vector, cancel: cancel);
        if (!custom)
        {
            // The JIT compiles a method when it first runs: here, on this thread, rather than in the first replay.
            model.RunOnce(cancel);
        }

        var losses = new CompiledTapeCode?[tapes.Length];
        for (var c = 0; c < tapes.Length; c++)
        {
            if (tapes[c] is { } tape)
            {
                cancel.ThrowIfCancellationRequested();
                losses[c] = new CompiledTapeCode(tape.Tape.Steps, tape.ModelSteps, tape.Tape.StepCount, tape.Tape.Shape, vector: null, cancel: cancel);
                losses[c]!.RunOnce(cancel);
            }
        }

        return new EpochCode(source, model, losses, clock.Elapsed);
    }
}
