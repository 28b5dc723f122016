// What the Training page shows of a run: the numbers, the pictures (boundary-view.js, network-view.js), the charts,
// the table, the files, the equivalent command and honest times: the page's own wall time, and a time left from the
// recent pace of the epochs, which settles as the run goes on. Nothing here computes what the library computes.
import { drawBoundary, drawPoints, clearCanvas } from './boundary-view.js';
import { createNetworkView } from './network-view.js';
import { lineChart } from './training-charts.js';
import { cssColour } from './draw.js';

const files = ['model.json', 'log.csv', 'boundary.png', 'boundary.svg', 'loss.png', 'loss.svg'];
const tableRows = 1000;

export function createTrainingView(element) {
  const network = createNetworkView(element('network-view'));
  const page = element('page-training');
  let start = null;        // the points and the command of the run or preview shown
  let square = null;       // [low, high] of the pictures
  let run = null;          // the series of the run, its counters and clocks
  let chartPending = false;

  function emptyRun() {
    return {
      epochs: [], loss: [], testLoss: [], correct: [], testCorrect: [], last: null, planned: null,
      wall: 0, playingSince: null, rate: null, rateAt: null, frames: 0, pictures: 0, id: null, ownPoints: false,
    };
  }

  function wallSeconds() {
    return run.wall + (run.playingSince === null ? 0 : (performance.now() - run.playingSince) / 1000);
  }

  function drawCharts() {
    chartPending = false;
    const trainCount = start.points.length, testCount = start.testPoints.length;
    const mean = (values, count) => values.map(v => v / count);
    const percent = (values, count) => values.map(v => 100 * v / count);
    const colours = { train: cssColour('--class0'), test: cssColour('--class1') };
    const test = testCount > 0;
    lineChart(element('chart'), run.epochs, [
      { values: mean(run.loss, trainCount), colour: colours.train },
      ...(test ? [{ values: mean(run.testLoss, testCount), colour: colours.test, dash: [6, 4] }] : []),
    ], { yLabel: 'mean loss per point' });
    lineChart(element('accuracy-chart'), run.epochs, [
      { values: percent(run.correct, trainCount), colour: colours.train },
      ...(test ? [{ values: percent(run.testCorrect, testCount), colour: colours.test, dash: [6, 4] }] : []),
    ], { yLabel: 'correct (%)', high: 100 });
  }

  function scheduleCharts() {
    if (chartPending) return;
    chartPending = true;
    requestAnimationFrame(drawCharts);
  }

  function addTableRows(rows, planned) {
    const body = element('epochs-table').tBodies[0];
    for (const row of rows) {
      if (row.epoch % 10 !== 0 && row.epoch !== planned) continue;
      const line = body.insertRow(0);
      for (const text of [row.epoch, row.lossText, row.correct, row.testLossText ?? '–', row.testCorrect ?? '–']) line.insertCell().textContent = text;
    }
    while (body.rows.length > tableRows) body.deleteRow(body.rows.length - 1);
  }

  function showCommand(epoch) {
    const base = start?.command ?? '';
    element('train-command').textContent = epoch && run?.planned !== null && epoch !== run.planned
      ? `${base.replace(/ --epochs \d+$/, '')} --epochs ${epoch}`
      : base;
  }

  function showDownloads() {
    element('downloads').replaceChildren(...files.filter(name => !(run.ownPoints && name === 'model.json')).map(name => {
      const link = document.createElement('a');
      link.href = `/api/trainings/${run.id}/files/${name}`;
      link.download = name;
      link.textContent = name;
      return link;
    }));
  }

  // The epochs per second over the last frames, smoothed: the time left follows the run's pace as it settles.
  function updateRate(epoch) {
    const now = performance.now();
    if (run.playingSince === null) return;
    if (run.rateAt) {
      const seconds = (now - run.rateAt.time) / 1000;
      if (seconds > 0.05) {
        const recent = (epoch - run.rateAt.epoch) / seconds;
        run.rate = run.rate === null ? recent : 0.7 * run.rate + 0.3 * recent;
        run.rateAt = { time: now, epoch };
      }
    } else {
      run.rateAt = { time: now, epoch };
    }
  }

  function showTimes(epoch) {
    element('wall-time').textContent = `${wallSeconds().toFixed(1)} s`;
    const left = run.planned - epoch;
    element('time-left').textContent = left > 0 && run.rate > 0 && run.playingSince !== null ? `${(left / run.rate).toFixed(1)} s` : '–';
  }

  return {
    showStart(data) {
      start = data;
      element('test-numbers').hidden = data.testPoints.length === 0;
      showCommand(null);
    },

    showPicture(picture) {
      // A picture can come from the Module tab before this tab's first preview has given the points.
      if (!picture || !start) return;
      if (!square || square[0] !== picture.low || square[1] !== picture.high || !start.drawn) {
        square = [picture.low, picture.high];
        drawPoints(element('boundary-points'), picture.low, picture.high, start.points, start.labels, start.testPoints, start.testLabels);
        start.drawn = true;
      }
      drawBoundary(element('boundary'), picture);
      network.update(picture);
      document.dispatchEvent(new CustomEvent('boundary-drawn', { detail: { picture, points: start.points, labels: start.labels } }));
    },

    startRun(data, training) {
      start = { ...data, drawn: square !== null };
      if (square) drawPoints(element('boundary-points'), square[0], square[1], start.points, start.labels, start.testPoints, start.testLabels);
      run = emptyRun();
      run.planned = training.epochs;
      run.id = data.id;
      run.ownPoints = training.ownPoints;
      element('test-numbers').hidden = data.testPoints.length === 0;
      page.dataset.frames = '0';
      page.dataset.pictures = '0';
      delete page.dataset.plannedSeconds;
      showCommand(null);
    },

    showFrame(frame) {
      run.frames++;
      for (const row of frame.rows) {
        run.epochs.push(row.epoch);
        run.loss.push(row.loss);
        run.correct.push(row.correct);
        run.testLoss.push(row.testLoss);
        run.testCorrect.push(row.testCorrect);
        if (row.epoch === run.planned) element('final-loss').textContent = row.lossText;
      }
      const last = frame.rows.length ? frame.rows[frame.rows.length - 1] : run.last;
      run.last = last;
      if (frame.picture) {
        run.pictures++;
        this.showPicture(frame.picture);
      }
      addTableRows(frame.rows, run.planned);
      scheduleCharts();
      updateRate(frame.epoch);
      element('progress').value = Math.min(1, frame.epoch / frame.epochs);
      element('epoch-now').textContent = String(frame.epoch);
      if (last) {
        element('loss-now').textContent = last.lossText;
        element('correct-now').textContent = `${last.correct} of ${start.points.length}`;
        element('test-now').textContent = last.testLossText ? `${last.testLossText}, ${last.testCorrect} of ${start.testPoints.length}` : '–';
      }
      const past = frame.epoch > frame.epochs ? `; minitorch train stops at ${frame.epochs}` : '';
      element('training-status').textContent = `Epoch ${frame.epoch} of ${frame.epochs} (${frame.state}${past}): loss ${last?.lossText ?? '–'}, `
        + `${last?.correct ?? 0} correct; ${frame.trainingSeconds.toFixed(2)} s of training so far`;
      element('training-warning').hidden = !frame.warning;
      element('training-warning').textContent = frame.warning ?? '';
      showCommand(frame.state === 'running' ? null : frame.epoch);
      showTimes(frame.epoch);
      if (frame.epoch > 0 && element('downloads').querySelector('a') === null) showDownloads();
      page.dataset.frames = String(run.frames);
      page.dataset.pictures = String(run.pictures);
      if (frame.rows.some(row => row.epoch === run.planned)) {
        // The run's figures when it reached the epochs asked for: what the command would have done.
        page.dataset.plannedSeconds = wallSeconds().toFixed(3);
        page.dataset.plannedTrainingSeconds = frame.trainingSeconds.toFixed(3);
        page.dataset.plannedFrames = String(run.frames);
        page.dataset.plannedPictures = String(run.pictures);
      }
    },

    showEnd(end) {
      this.setPlaying(false);
      if (end.reason === 'diverged') {
        element('training-warning').hidden = false;
        element('training-warning').textContent = `Training diverged at epoch ${end.epoch}: the loss became infinite or NaN. Try a smaller learning rate.`;
      }
      if (end.finalLossText && element('final-loss').textContent === '–') element('final-loss').textContent = end.finalLossText;
      showCommand(end.epoch);
    },

    setPlaying(playing) {
      if (!run) return;
      if (playing && run.playingSince === null) {
        run.playingSince = performance.now();
        run.rateAt = null;
      } else if (!playing && run.playingSince !== null) {
        run.wall = wallSeconds();
        run.playingSince = null;
      }
    },

    setPace() {
      if (run) {
        run.rate = null;
        run.rateAt = null;
      }
    },

    resetRun() {
      run = null;
      element('epochs-table').tBodies[0].replaceChildren();
      element('downloads').textContent = 'Train for an epoch to get the run\u2019s files.';
      element('final-loss').textContent = '–';
      element('progress').value = 0;
      element('training-warning').hidden = true;
      for (const id of ['loss-now', 'correct-now', 'test-now', 'wall-time', 'time-left']) element(id).textContent = '–';
      element('epoch-now').textContent = '0';
      clearCanvas(element('chart'));
      clearCanvas(element('accuracy-chart'));
    },

    // Stale results go: the pictures, the points and the command of settings no longer shown.
    clear() {
      start = null;
      square = null;
      clearCanvas(element('boundary'));
      clearCanvas(element('boundary-points'));
      network.clear();
      element('train-command').textContent = '';
    },
  };
}
