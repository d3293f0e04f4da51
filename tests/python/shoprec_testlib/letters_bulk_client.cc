// letters_bulk_client: sends the ComposeRequests of a file over one shoprec.v1.Letters/ComposeStream
// with the C++ gRPC library (a client nobody here wrote, and fast enough that the server, not the
// client, sets the pace), checks that the letters come back one per request and in order, and
// prints one JSON line: {"letters": N, "errors": E, "blocks": B, "in_order": true, "seconds": S}.
//
//   letters_bulk_client ADDRESS REQUESTS_FILE
//
// REQUESTS_FILE holds serialized ComposeRequests, each after a 4-byte little-endian length.
// Built by tests/python/test_letters.py (g++, libgrpc++-dev, protoc with grpc_cpp_plugin).
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "shoprec/v1/letters.grpc.pb.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s ADDRESS REQUESTS_FILE\n", argv[0]);
    return 2;
  }
  std::ifstream file(argv[2], std::ios::binary);
  std::vector<char> data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::vector<shoprec::v1::ComposeRequest> requests;
  for (size_t offset = 0; offset + 4 <= data.size();) {
    uint32_t length = uint8_t(data[offset]) | uint8_t(data[offset + 1]) << 8 |
                      uint8_t(data[offset + 2]) << 16 | uint32_t(uint8_t(data[offset + 3])) << 24;
    offset += 4;
    if (offset + length > data.size()) {
      std::fprintf(stderr, "truncated requests file\n");
      return 2;
    }
    requests.emplace_back();
    if (!requests.back().ParseFromArray(data.data() + offset, int(length))) {
      std::fprintf(stderr, "request %zu does not parse\n", requests.size() - 1);
      return 2;
    }
    offset += length;
  }

  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(64 << 20);
  auto channel = grpc::CreateCustomChannel(argv[1], grpc::InsecureChannelCredentials(), arguments);
  auto stub = shoprec::v1::Letters::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::minutes(10));

  auto started = std::chrono::steady_clock::now();
  auto stream = stub->ComposeStream(&context);
  std::thread writer([&] {
    for (const auto& request : requests) {
      if (!stream->Write(request)) break;
    }
    stream->WritesDone();
  });
  shoprec::v1::Letter letter;
  size_t letters = 0, errors = 0, blocks = 0;
  bool inOrder = true;
  while (stream->Read(&letter)) {
    if (letters >= requests.size() || letter.request_id() != requests[letters].request_id()) {
      inOrder = false;
    }
    if (!letter.error().empty()) errors += 1;
    blocks += size_t(letter.blocks_size());
    letters += 1;
  }
  writer.join();
  grpc::Status status = stream->Finish();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!status.ok()) {
    std::fprintf(stderr, "ComposeStream failed: %d %s\n", int(status.error_code()),
                 status.error_message().c_str());
    return 1;
  }
  std::printf("{\"letters\": %zu, \"errors\": %zu, \"blocks\": %zu, \"in_order\": %s, \"seconds\": %.3f}\n",
              letters, errors, blocks, inOrder ? "true" : "false", seconds);
  return 0;
}
