using System.Reflection;
using System.Runtime.Intrinsics;

namespace MiniTorch;

/// <summary>
/// The vector type that holds one slot of several points side by side (<see cref="Vector128{T}"/> of 2 doubles,
/// <see cref="Vector256{T}"/> of 4, <see cref="Vector512{T}"/> of 8), and the methods of it that generated code calls:
/// lane-wise IEEE arithmetic, comparisons, selection, and moving single lanes in and out.
/// </summary>
/// <remarks>
/// Every operation used is exact lane by lane: an addition, product or quotient of two vectors rounds each lane as the
/// scalar operation rounds it; a comparison is the ordered one of C#'s operators (false for NaN); negation is an
/// exclusive-or with −0, as the JIT compiles a scalar negation; selection copies the bits of one operand. The JIT
/// compiles these methods to single instructions where the hardware has the vectors
/// (<see cref="VectorHardware"/>).
/// </remarks>
internal sealed class LaneVector
{
    private LaneVector(int lanes, Type vectors, Type vector)
    {
        Lanes = lanes;
        Type = vector;
        Add = VectorOperator(vector, "op_Addition");
        Subtract = VectorOperator(vector, "op_Subtraction");
        Multiply = VectorOperator(vector, "op_Multiply");
        Divide = VectorOperator(vector, "op_Division");
        Xor = VectorOperator(vector, "op_ExclusiveOr");
        OnesComplement = VectorOperator(vector, "op_OnesComplement");
        ConditionalSelect = Operator(vectors, nameof(Vector128.ConditionalSelect), 3);
        GreaterThan = Operator(vectors, nameof(Vector128.GreaterThan), 2);
        GreaterThanOrEqual = Operator(vectors, nameof(Vector128.GreaterThanOrEqual), 2);
        LessThan = Operator(vectors, nameof(Vector128.LessThan), 2);
        LessThanOrEqual = Operator(vectors, nameof(Vector128.LessThanOrEqual), 2);
        EqualTo = Operator(vectors, nameof(Vector128.Equals), 2);
        GetElement = Generic(vectors, nameof(Vector128.GetElement), [vector, typeof(int)]);
        Broadcast = vectors.GetMethod(nameof(Vector128.Create), [typeof(double)])!;
        FromLanes = vectors.GetMethod(nameof(Vector128.Create), [.. Enumerable.Repeat(typeof(double), lanes)])!;
        Zero = vector.GetProperty(nameof(Vector128<double>.Zero))!.GetMethod!;
    }

    /// <summary>The widths there are vectors for, narrowest first.</summary>
    public static IReadOnlyList<int> Widths { get; } = [2, 4, 8];

    /// <summary>How many doubles, and so points, one vector holds.</summary>
    public int Lanes { get; }

    /// <summary>The vector type, for example <see cref="Vector256{T}"/> of double.</summary>
    public Type Type { get; }

    /// <summary>a + b in every lane.</summary>
    public MethodInfo Add { get; }

    /// <summary>a − b in every lane.</summary>
    public MethodInfo Subtract { get; }

    /// <summary>a · b in every lane.</summary>
    public MethodInfo Multiply { get; }

    /// <summary>a / b in every lane.</summary>
    public MethodInfo Divide { get; }

    /// <summary>The bitwise exclusive-or: with −0 in every lane, a negation.</summary>
    public MethodInfo Xor { get; }

    /// <summary>The bitwise complement: the negation of a comparison's mask.</summary>
    public MethodInfo OnesComplement { get; }

    /// <summary>(mask, a, b): the bits of a where the mask is set, of b elsewhere.</summary>
    public MethodInfo ConditionalSelect { get; }

    /// <summary>The mask of a &gt; b (ordered: clear where either is NaN).</summary>
    public MethodInfo GreaterThan { get; }

    /// <summary>The mask of a ≥ b (ordered).</summary>
    public MethodInfo GreaterThanOrEqual { get; }

    /// <summary>The mask of a &lt; b (ordered).</summary>
    public MethodInfo LessThan { get; }

    /// <summary>The mask of a ≤ b (ordered).</summary>
    public MethodInfo LessThanOrEqual { get; }

    /// <summary>The mask of a = b (ordered).</summary>
    public MethodInfo EqualTo { get; }

    /// <summary>(vector, lane): the double in one lane.</summary>
    public MethodInfo GetElement { get; }

    /// <summary>(x): x in every lane.</summary>
    public MethodInfo Broadcast { get; }

    /// <summary>(x₀, x₁, …): one double per lane, lane 0 first.</summary>
    public MethodInfo FromLanes { get; }

    /// <summary>The getter of the vector of zeros.</summary>
    public MethodInfo Zero { get; }

    /// <summary>The vector type of <paramref name="lanes"/> doubles.</summary>
    /// <param name="lanes">2, 4 or 8.</param>
    /// <returns>The vector type and its methods, looked up once per width.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lanes"/> is not one of <see cref="Widths"/>.</exception>
    public static LaneVector Of(int lanes) => lanes switch
    {
        2 => Cache.Vector128,
        4 => Cache.Vector256,
        8 => Cache.Vector512,
        _ => throw new ArgumentOutOfRangeException(nameof(lanes), lanes, "Vectors hold 2, 4 or 8 doubles."),
    };

    // An operator of the vector type on vectors only (not the overloads with a scalar). The JIT expands these in place;
    // the static methods of the same meaning (Vector256.Add, say) are calls of the operators, which a large method
    // runs out of inlining budget for (measured: hundreds of calls left in a straight-line backward sweep).
    private static MethodInfo VectorOperator(Type vector, string name) =>
        vector.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.GetParameters().All(p => p.ParameterType == vector));

    // The generic static method with this name whose parameters are all the vector type (an operation on vectors, not
    // the overloads with a scalar), made for double.
    private static MethodInfo Operator(Type vectors, string name, int arity) =>
        vectors.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == name && m.IsGenericMethodDefinition && m.GetParameters().Length == arity)
            .Select(m => m.MakeGenericMethod(typeof(double)))
            .Single(m => m.GetParameters().All(p => p.ParameterType == m.ReturnType));

    private static MethodInfo Generic(Type vectors, string name, Type[] parameters) =>
        vectors.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == name && m.IsGenericMethodDefinition)
            .Select(m => m.MakeGenericMethod(typeof(double)))
            .Single(m => m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters));

    // Built on first use of each width.
    private static class Cache
    {
        public static readonly LaneVector Vector128 = new(2, typeof(Vector128), typeof(Vector128<double>));
        public static readonly LaneVector Vector256 = new(4, typeof(Vector256), typeof(Vector256<double>));
        public static readonly LaneVector Vector512 = new(8, typeof(Vector512), typeof(Vector512<double>));
    }
}
