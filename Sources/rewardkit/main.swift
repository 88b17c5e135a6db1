RewardKitCommand.main()
