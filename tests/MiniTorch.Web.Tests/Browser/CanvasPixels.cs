using Microsoft.Playwright;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>Reading what a canvas of the page shows.</summary>
internal static class CanvasPixels
{
    /// <summary>How many of a canvas's pixels have exactly the colour of a CSS variable (a #rrggbb value).</summary>
    /// <param name="page">The page.</param>
    /// <param name="canvas">The canvas's selector.</param>
    /// <param name="variable">The variable, for example <c>--class0</c>.</param>
    /// <returns>The count.</returns>
    public static Task<int> CountAsync(IPage page, string canvas, string variable) =>
        page.EvaluateAsync<int>(
            """
            ([selector, name]) => {
              const hex = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
              const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
              const canvas = document.querySelector(selector);
              const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let count = 0;
              for (let k = 0; k < data.length; k += 4) if (data[k] === r && data[k + 1] === g && data[k + 2] === b && data[k + 3] === 255) count++;
              return count;
            }
            """,
            new[] { canvas, variable });
}
