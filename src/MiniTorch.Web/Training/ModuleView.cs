namespace MiniTorch.Web.Training;

/// <summary>The Module tab: the network's module tree and every parameter by dotted name.</summary>
/// <param name="Tree">The tree as <see cref="Module.ToString"/> prints it.</param>
/// <param name="Parameters">Every parameter, in <see cref="Module.NamedParameters"/> order.</param>
internal sealed record ModuleView(string Tree, ParameterRow[] Parameters)
{
    /// <summary>Reads the network's tree and parameters as they are now.</summary>
    /// <param name="network">The network.</param>
    /// <param name="gradients">Each parameter's gradient in the last epoch, in order; empty before the first epoch.</param>
    /// <returns>The view.</returns>
    public static ModuleView Of(Module<Scalar[], Scalar> network, IReadOnlyList<double?> gradients) =>
        new(network.ToString(), [.. network.NamedParameters().Select((p, k) => new ParameterRow(p.Key, p.Value.Value.Data, k < gradients.Count ? gradients[k] : null))]);
}

/// <summary>One parameter of the Module tab.</summary>
/// <param name="Name">Its dotted name, for example <c>layer1.weight_0_0</c>.</param>
/// <param name="Value">Its value.</param>
/// <param name="Gradient">The derivative of the mean loss in the last epoch, which its step used; null before the first epoch.</param>
internal sealed record ParameterRow(string Name, double Value, double? Gradient);
