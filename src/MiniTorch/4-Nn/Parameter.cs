namespace MiniTorch;

/// <summary>
/// A trainable value owned by a <see cref="Module"/> (MiniTorch's Parameter): it holds a leaf <see cref="Scalar"/>
/// that an optimiser replaces after every step.
/// </summary>
public sealed class Parameter
{
    /// <summary>Creates a parameter. <c>new Parameter(5)</c> works: the number becomes a leaf scalar.</summary>
    /// <param name="value">The initial value.</param>
    /// <param name="name">The name, usually the one the owning module registered it under (<c>p1</c>); may be empty. The
    /// dotted path (<c>b.c.p3</c>) comes from <see cref="Module.NamedParameters"/>, not from here.</param>
    public Parameter(Scalar value, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        Name = name ?? string.Empty;
    }

    /// <summary>The current value.</summary>
    public Scalar Value { get; private set; }

    /// <summary>The name given at creation.</summary>
    public string Name { get; }

    /// <summary>Replaces the value, for example with a new leaf after an optimiser step.</summary>
    /// <param name="value">The new value.</param>
    public void Update(Scalar value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Shows the value, as MiniTorch prints a parameter.</summary>
    /// <returns>The value's text, for example <c>Scalar(5.000000)</c>.</returns>
    public override string ToString() => Value.ToString();
}
