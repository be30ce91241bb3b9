#include "base/bounded_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace cradle {
namespace {

TEST(BoundedQueueTest, HandsItemsOnInOrder) {
  BoundedQueue<int> queue(2);
  EXPECT_TRUE(queue.Push(1));
  EXPECT_TRUE(queue.Push(2));
  EXPECT_EQ(queue.Pop(), 1);
  EXPECT_EQ(queue.Pop(), 2);
  EXPECT_EQ(queue.TryPop(), std::nullopt);  // empty: does not wait
  EXPECT_TRUE(queue.TryPush(3));
  EXPECT_TRUE(queue.TryPush(4));
  EXPECT_FALSE(queue.TryPush(5));  // full: does not wait
  EXPECT_EQ(queue.TryPop(), 3);
}

TEST(BoundedQueueTest, AProducerNeverGetsMoreThanCapacityAhead) {
  BoundedQueue<int> queue(3);
  std::atomic<int> pushed{0};
  std::thread producer([&] {
    for (int item = 0; item < 100; ++item) {
      if (!queue.Push(item)) return;
      ++pushed;
    }
  });
  std::vector<int> popped;
  for (int item = 0; item < 100; ++item) {
    // Up to 3 waiting in the queue, beyond those already taken.
    EXPECT_LE(pushed.load(), item + 3);
    popped.push_back(*queue.Pop());
  }
  producer.join();
  for (int item = 0; item < 100; ++item) EXPECT_EQ(popped[item], item);
}

TEST(BoundedQueueTest, CloseWakesAWaitingProducerAndRefusesMore) {
  BoundedQueue<int> queue(1);
  ASSERT_TRUE(queue.Push(1));
  std::atomic<bool> refused{false};
  std::thread producer([&] { refused = !queue.Push(2); });  // waits: the queue is full
  queue.Close();
  producer.join();
  EXPECT_TRUE(refused);
  EXPECT_FALSE(queue.Push(3));
  EXPECT_EQ(queue.Pop(), 1);  // what was queued is still handed out
  EXPECT_EQ(queue.Pop(), std::nullopt);
}

TEST(BoundedQueueTest, CloseWakesAWaitingConsumer) {
  BoundedQueue<int> queue(1);
  std::optional<int> got = 0;
  std::thread consumer([&] { got = queue.Pop(); });  // waits: the queue is empty
  queue.Close();
  consumer.join();
  EXPECT_EQ(got, std::nullopt);
}

}  // namespace
}  // namespace cradle
