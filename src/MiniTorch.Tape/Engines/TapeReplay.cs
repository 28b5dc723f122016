namespace MiniTorch;

/// <summary>How the tape engines (<see cref="TapeEngine"/>, <see cref="ParallelTapeEngine"/>) replay their tapes; the results are the same bits either way.</summary>
public enum TapeReplay
{
    /// <summary>The tape's interpreter, <see cref="Tape.Forward()"/> and <see cref="Tape.Backward"/>.</summary>
    Interpreted,

    /// <summary>
    /// Straight-line code generated from the tape once, when it is recorded (<see cref="Tape.Compile()"/>): some
    /// milliseconds more in the first epoch, faster replays after it.
    /// </summary>
    Compiled,
}
