namespace MiniTorch;

/// <summary>
/// One generated chunk of a compiled tape: a forward replay or a backward sweep of some of its steps, reading and writing
/// the tape's arrays.
/// </summary>
/// <param name="values">The tape's value slots.</param>
/// <param name="adjoints">The tape's adjoint slots.</param>
/// <param name="customs">The tape's user-defined steps, which the generated code calls.</param>
/// <param name="scratch">The buffer the user-defined steps share.</param>
internal delegate void CompiledTapePass(double[] values, double[] adjoints, TapeCustomStep[] customs, double[] scratch);
