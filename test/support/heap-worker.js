/** A stand-in plans thread for tests of the pool itself: tells its heap limit, or fills its heap when asked to. */
const { getHeapStatistics } = require('node:v8');

module.exports = (task) => {
  if (task.fill) {
    const kept = [];
    for (;;) kept.push(new Array(100_000).fill(kept.length));
  }
  return getHeapStatistics().heap_size_limit;
};
