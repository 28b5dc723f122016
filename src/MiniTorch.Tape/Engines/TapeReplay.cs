namespace MiniTorch;

/// <summary>How the tape engines (<see cref="TapeEngine"/>, <see cref="ParallelTapeEngine"/>) replay their tapes; the results are the same bits either way.</summary>
public enum TapeReplay
{
    /// <summary>The tape's interpreter, <see cref="Tape.Forward()"/> and <see cref="Tape.Backward"/>.</summary>
    Interpreted,

    /// <summary>
    /// Code generated from the tapes in the first epoch (<see cref="Tape.Compile()"/>; <see cref="TapeEngine"/> runs
    /// several points at once in vector lanes): some milliseconds more in the first epoch, faster replays after it.
    /// </summary>
    Compiled,

    /// <summary>
    /// Interpreted at once while the code is generated on another thread, then compiled from the first epoch after it
    /// is ready (<see cref="TapeEngine"/> only): never slower than <see cref="Interpreted"/>, as fast as
    /// <see cref="Compiled"/> on long runs.
    /// </summary>
    Tiered,
}
