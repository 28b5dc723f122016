namespace MiniTorch.Tests.LayerFixture;

// Layer 2 of the fixture: the types that layer 1 must not use. High uses Low, which is allowed.

public sealed class High
{
    public static readonly int Count = 1;

    public Low Below { get; } = new();

    public static int Compute() => Count;
}

public abstract class HighBase;

public interface IHigh;

[AttributeUsage(AttributeTargets.Class)]
public sealed class MarkAttribute : Attribute;

public sealed class HighBox<T>;

public sealed class HighException : Exception
{
    public HighException()
    {
    }

    public HighException(string message)
        : base(message)
    {
    }

    public HighException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
