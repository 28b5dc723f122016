namespace MiniTorch;

/// <summary>
/// A tape step whose function is not one of the eleven built-ins: replayed through the function's
/// <see cref="FunctionHandle"/> handle with a <see cref="MiniTorch.Context"/>, exactly as the graph engine calls it.
/// </summary>
internal sealed class TapeCustomStep
{
    /// <summary>Creates the step as recorded.</summary>
    /// <param name="function">The function's handle.</param>
    /// <param name="inputs">The slots of the function's inputs, in argument order.</param>
    /// <param name="output">The slot the function's value goes to.</param>
    /// <param name="context">The context the recording's forward pass filled, so that a backward pass works before any replay.</param>
    public TapeCustomStep(FunctionHandle function, int[] inputs, int output, Context context)
    {
        Function = function;
        Inputs = inputs;
        Output = output;
        Context = context;
    }

    /// <summary>The function's handle.</summary>
    public FunctionHandle Function { get; }

    /// <summary>The slots of the inputs, in argument order.</summary>
    public int[] Inputs { get; }

    /// <summary>The slot of the result.</summary>
    public int Output { get; }

    /// <summary>The context of the latest forward pass: a fresh one per replay, as the graph engine makes per call.</summary>
    public Context Context { get; private set; }

    /// <summary>Runs the function's forward pass on the input values found in <paramref name="values"/>.</summary>
    /// <param name="values">The tape's value slots.</param>
    /// <param name="scratch">A buffer of at least <see cref="FunctionHandle.Arity"/> doubles.</param>
    /// <returns>The function's value.</returns>
    public double Forward(ReadOnlySpan<double> values, Span<double> scratch)
    {
        var arguments = scratch[..Inputs.Length];
        for (var i = 0; i < Inputs.Length; i++)
        {
            arguments[i] = values[Inputs[i]];
        }

        Context = new Context();
        return Function.Forward(Context, arguments);
    }

    /// <summary>Runs the function's backward pass and adds each input's share to its adjoint, in argument order.</summary>
    /// <param name="dOutput">The adjoint of the result.</param>
    /// <param name="adjoints">The tape's adjoint slots.</param>
    /// <param name="scratch">A buffer of at least <see cref="FunctionHandle.Arity"/> doubles.</param>
    public void Backward(double dOutput, Span<double> adjoints, Span<double> scratch)
    {
        var local = scratch[..Inputs.Length];
        local.Clear();
        Function.Backward(Context, dOutput, local);
        for (var i = 0; i < Inputs.Length; i++)
        {
            adjoints[Inputs[i]] += local[i];
        }
    }
}
