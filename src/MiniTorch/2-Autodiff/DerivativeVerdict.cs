namespace MiniTorch;

/// <summary>What <see cref="Autodiff.CompareDerivatives"/> says of a derivative and its central difference.</summary>
public enum DerivativeVerdict
{
    /// <summary>The two agree within MiniTorch's tolerance.</summary>
    Pass,

    /// <summary>They disagree, or the derivative is NaN or infinite while the estimate is finite.</summary>
    Fail,

    /// <summary>The central difference is NaN or infinite, so it cannot check the derivative either way.</summary>
    CannotCheck,
}
