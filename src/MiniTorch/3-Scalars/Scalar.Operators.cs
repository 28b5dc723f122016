using MiniTorch.Functions;

namespace MiniTorch;

public sealed partial class Scalar
{
    // The graph shapes follow MiniTorch node for node: a − b is Add(a, Neg(b)), a / b is Mul(a, Inv(b)),
    // a > b is Lt(b, a), and a plain number becomes a constant.

    // course: task 1.2
    /// <summary>a + b, recorded as Add.</summary>
    /// <param name="a">The left term.</param>
    /// <param name="b">The right term.</param>
    /// <returns>The sum.</returns>
    public static Scalar operator +(Scalar a, Scalar b) => Apply<Add>(a, b);

    /// <summary>a + b with a constant on the right.</summary>
    /// <param name="a">The left term.</param>
    /// <param name="b">The constant.</param>
    /// <returns>The sum.</returns>
    public static Scalar operator +(Scalar a, double b) => Apply<Add>(a, Constant(b));

    /// <summary>a + b with a constant on the left.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right term.</param>
    /// <returns>The sum.</returns>
    public static Scalar operator +(double a, Scalar b) => Apply<Add>(Constant(a), b);

    /// <summary>a − b, recorded as Add(a, Neg(b)).</summary>
    /// <param name="a">The left term.</param>
    /// <param name="b">The term subtracted.</param>
    /// <returns>The difference.</returns>
    public static Scalar operator -(Scalar a, Scalar b) => Apply<Add>(a, Apply<Neg>(b));

    /// <summary>a − b with a constant on the right.</summary>
    /// <param name="a">The left term.</param>
    /// <param name="b">The constant subtracted.</param>
    /// <returns>The difference.</returns>
    public static Scalar operator -(Scalar a, double b) => Apply<Add>(a, Apply<Neg>(Constant(b)));

    /// <summary>a − b with a constant on the left (MiniTorch cannot write <c>1 - x</c>; this library can).</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The term subtracted.</param>
    /// <returns>The difference.</returns>
    public static Scalar operator -(double a, Scalar b) => Apply<Add>(Constant(a), Apply<Neg>(b));

    /// <summary>−a, recorded as Neg.</summary>
    /// <param name="a">The value.</param>
    /// <returns>The negation.</returns>
    public static Scalar operator -(Scalar a) => Apply<Neg>(a);

    /// <summary>a · b, recorded as Mul.</summary>
    /// <param name="a">The left factor.</param>
    /// <param name="b">The right factor.</param>
    /// <returns>The product.</returns>
    public static Scalar operator *(Scalar a, Scalar b) => Apply<Mul>(a, b);

    /// <summary>a · b with a constant on the right.</summary>
    /// <param name="a">The left factor.</param>
    /// <param name="b">The constant.</param>
    /// <returns>The product.</returns>
    public static Scalar operator *(Scalar a, double b) => Apply<Mul>(a, Constant(b));

    /// <summary>a · b with a constant on the left.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right factor.</param>
    /// <returns>The product.</returns>
    public static Scalar operator *(double a, Scalar b) => Apply<Mul>(Constant(a), b);

    /// <summary>a / b, recorded as Mul(a, Inv(b)); b = 0 gives ±∞ (IEEE).</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>The quotient.</returns>
    public static Scalar operator /(Scalar a, Scalar b) => Apply<Mul>(a, Apply<Inv>(b));

    /// <summary>a / b with a constant divisor.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The constant divisor.</param>
    /// <returns>The quotient.</returns>
    public static Scalar operator /(Scalar a, double b) => Apply<Mul>(a, Apply<Inv>(Constant(b)));

    /// <summary>a / b with a constant dividend.</summary>
    /// <param name="a">The constant dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>The quotient.</returns>
    public static Scalar operator /(double a, Scalar b) => Apply<Mul>(Constant(a), Apply<Inv>(b));

    /// <summary>a &lt; b as a scalar 1.0 or 0.0 with zero derivative, recorded as Lt.</summary>
    /// <param name="a">The left value.</param>
    /// <param name="b">The right value.</param>
    /// <returns>1.0 when a &lt; b, else 0.0.</returns>
    public static Scalar operator <(Scalar a, Scalar b) => Apply<Lt>(a, b);

    /// <summary>a &gt; b as a scalar 1.0 or 0.0 with zero derivative, recorded as Lt(b, a).</summary>
    /// <param name="a">The left value.</param>
    /// <param name="b">The right value.</param>
    /// <returns>1.0 when a &gt; b, else 0.0.</returns>
    public static Scalar operator >(Scalar a, Scalar b) => Apply<Lt>(b, a);

    /// <summary>a &lt; b against a constant.</summary>
    /// <param name="a">The left value.</param>
    /// <param name="b">The constant.</param>
    /// <returns>1.0 when a &lt; b, else 0.0.</returns>
    public static Scalar operator <(Scalar a, double b) => Apply<Lt>(a, Constant(b));

    /// <summary>a &gt; b against a constant, recorded as Lt(b, a).</summary>
    /// <param name="a">The left value.</param>
    /// <param name="b">The constant.</param>
    /// <returns>1.0 when a &gt; b, else 0.0.</returns>
    public static Scalar operator >(Scalar a, double b) => Apply<Lt>(Constant(b), a);

    /// <summary>a &lt; b with a constant on the left.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right value.</param>
    /// <returns>1.0 when a &lt; b, else 0.0.</returns>
    public static Scalar operator <(double a, Scalar b) => Apply<Lt>(Constant(a), b);

    /// <summary>a &gt; b with a constant on the left, recorded as Lt(b, a).</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right value.</param>
    /// <returns>1.0 when a &gt; b, else 0.0.</returns>
    public static Scalar operator >(double a, Scalar b) => Apply<Lt>(b, Constant(a));

    /// <summary>The differentiable equality: 1.0 when the values are equal, else 0.0, with zero derivative (Eq).</summary>
    /// <param name="other">The value compared with.</param>
    /// <returns>A scalar 1.0 or 0.0. (<c>==</c> keeps its meaning of reference identity.)</returns>
    public Scalar Eq(Scalar other) => Apply<Eq>(this, other);

    /// <summary>The differentiable equality with a constant.</summary>
    /// <param name="other">The constant compared with.</param>
    /// <returns>A scalar 1.0 or 0.0.</returns>
    public Scalar Eq(double other) => Apply<Eq>(this, Constant(other));

    /// <summary>ln(this + ε), recorded as Log; NaN below −ε.</summary>
    /// <returns>The logarithm.</returns>
    public Scalar Log() => Apply<Log>(this);

    /// <summary>e^this, recorded as Exp.</summary>
    /// <returns>The exponential.</returns>
    public Scalar Exp() => Apply<Exp>(this);

    /// <summary>σ(this) = 1 / (1 + e^−this), recorded as Sigmoid.</summary>
    /// <returns>The sigmoid, in [0, 1].</returns>
    public Scalar Sigmoid() => Apply<Sigmoid>(this);

    /// <summary>max(this, 0), recorded as Relu.</summary>
    /// <returns>The rectified value.</returns>
    public Scalar Relu() => Apply<Relu>(this);
    // course: end

    /// <summary>tanh(this), recorded as Tanh (not one of MiniTorch's functions; see <see cref="Functions.Tanh"/>).</summary>
    /// <returns>The hyperbolic tangent, in [−1, 1].</returns>
    public Scalar Tanh() => Apply<Tanh>(this);
}
