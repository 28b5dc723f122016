using System.Diagnostics;

namespace MiniTorch.Tests.LayerFixture;

// Layer 1 of the fixture that FolderLayersTests checks: each type below uses layer 2 in one way only (its name says
// which), and the checker must report every one of them.

// (Its constructor calls the base constructor too: a class cannot have a base type without that use.)
public sealed class ViaBaseType : HighBase;

public sealed class ViaInterface : IHigh;

public sealed class ViaConstraint<T>
    where T : IHigh;

[Mark]
public sealed class ViaAttributeType;

[DebuggerTypeProxy(typeof(List<High>))]
public sealed class ViaTypeofArgument;

public sealed class ViaField
{
    internal High? Value;

    // Assigns the field without naming its type (a field never assigned is a compiler warning).
    public void Forget() => Value = null;
}

public static class ViaSignature
{
    public static void Take(High high) => GC.KeepAlive(high);
}

public static class ViaNewObject
{
    public static object Make() => new High();
}

public static class ViaGenericArgument
{
    public static object Make() => new List<High>();
}

public static class ViaGenericType
{
    public static object Make() => new HighBox<int>();
}

public static class ViaGenericMethod
{
    public static object Make() => Array.Empty<High>();
}

public static class ViaStaticField
{
    public static int Read() => High.Count;
}

public static class ViaTypeof
{
    public static Type Get() => typeof(High);
}

public static class ViaCast
{
    public static bool Is(object value) => value is High;
}

public static class ViaCatch
{
    public static bool Run(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (HighException)
        {
            return false;
        }
    }
}

public static class ViaLambda
{
    public static Func<object> Make() => () => new High();
}

public static class ViaMethodGroup
{
    public static Func<int> Make() => High.Compute;
}

// The use comes after instructions whose operands have each size (a switch table, 8, 4 and 1 bytes), which the IL
// reader must step over exactly to find it.
public static class ViaNewObjectAfterOperands
{
    public static object Make(int kind, long big, double real, float small) => kind switch
    {
        0 => big + 1234567890123L,
        1 => real * 2.5,
        2 => small * 1.5f,
        3 => kind + 100,
        _ => new High(),
    };
}

// Its constructor runs the field initialisers of both files; the use is in the other one, Uses.Part.cs.
public sealed partial class ViaOtherFile
{
    internal readonly int One = 1;
}

// The type that layer 2 may use.
public sealed class Low;
